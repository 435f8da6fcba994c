package org.vetpacs.dicomweb.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vetpacs.testdata.GeneratedStudy;
import org.vetpacs.testdata.GeneratorOptions;
import org.vetpacs.testdata.StudyGenerator;
import org.vetpacs.testdata.StudyKind;

/** Coercion and correction of stored headers, keeping the previous values (PS3.3 C.12.1). */
class HeaderRewriterTest {

  @TempDir Path dir;

  private Path generated() throws Exception {
    GeneratedStudy study =
        new StudyGenerator(7L).generate(StudyKind.DR_THORAX, dir.resolve("in"), GeneratorOptions.small());
    return study.instances().get(0).file();
  }

  private static AttributeList read(Path file) throws Exception {
    AttributeList list = new AttributeList();
    list.read(file.toFile());
    return list;
  }

  private static DicomDataset nameAndId(String name, String id) {
    return new DicomDataset().put(0x00100010, "PN", name).put(0x00100020, "LO", id);
  }

  @Test
  void rewriteReplacesValuesAndKeepsOriginalsInOriginalAttributesSequence() throws Exception {
    Path in = generated();
    AttributeList before = read(in);
    String sentName = Attribute.getSingleStringValueOrEmptyString(before, TagFromName.PatientName);
    Path out = dir.resolve("out.dcm");

    HeaderRewriter.Result result =
        HeaderRewriter.rewrite(in, out, nameAndId("BAILEY^SMITH", "P-42"), "VETPACS", "COERCE");

    assertEquals(List.of(0x00100010, 0x00100020), result.changedTags());
    InstanceHeader header = DicomFileInspector.inspect(out);
    assertEquals("BAILEY^SMITH", header.patientName());
    assertEquals("P-42", header.patientId());
    AttributeList after = read(out);
    SequenceAttribute original =
        (SequenceAttribute) after.get(TagFromName.OriginalAttributesSequence);
    assertEquals(1, original.getNumberOfItems());
    AttributeList item = original.getItem(0).getAttributeList();
    assertEquals("COERCE", Attribute.getSingleStringValueOrEmptyString(item,
        TagFromName.ReasonForTheAttributeModification));
    assertEquals("VETPACS",
        Attribute.getSingleStringValueOrEmptyString(item, TagFromName.ModifyingSystem));
    assertFalse(Attribute.getSingleStringValueOrEmptyString(item,
        TagFromName.AttributeModificationDateTime).isEmpty());
    AttributeList modified = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
        item, TagFromName.ModifiedAttributesSequence);
    assertEquals(sentName,
        Attribute.getSingleStringValueOrEmptyString(modified, TagFromName.PatientName));
    assertArrayEquals(pixels(before), pixels(after), "Pixel Data is copied byte for byte");
  }

  /** Coerces Patient's Name and Responsible Person (0010,2297) of {@code in} into {@code out}. */
  private static AttributeList coerceNames(Path in, Path out, String patient, String owner)
      throws Exception {
    HeaderRewriter.rewrite(in, out, nameAndId(patient, "P-42").put(0x00102297, "PN", owner),
        "VETPACS", "COERCE");
    return read(out);
  }

  private static String value(AttributeList list, AttributeTag tag) {
    return Attribute.getSingleStringValueOrEmptyString(list, tag);
  }

  @Test
  void valuesTheDeclaredCharacterSetHoldsKeepIt() throws Exception {
    Path in = generated(); // ISO_IR 100 (Latin-1), as many modalities send

    AttributeList after = coerceNames(in, dir.resolve("latin1.dcm"), "MÜLLER^BELLO", "Søren^Åsa");

    assertEquals("ISO_IR 100", value(after, TagFromName.SpecificCharacterSet));
    assertEquals("MÜLLER^BELLO", value(after, TagFromName.PatientName));
    assertEquals("Søren^Åsa", value(after, TagFromName.ResponsiblePerson));
  }

  @Test
  void aValueOutsideTheDeclaredCharacterSetSwitchesTheHeaderToUtf8() throws Exception {
    Path in = generated();
    String institution = value(read(in), TagFromName.InstitutionName);
    Path out = dir.resolve("utf8.dcm");

    // an owner's name from the PIMS with letters that Latin-1 lacks (Czech, Polish)
    AttributeList after = coerceNames(in, out, "REX^DVOŘÁK", "Łukasz^Dvořák");

    assertEquals("ISO_IR 192", value(after, TagFromName.SpecificCharacterSet));
    assertEquals("REX^DVOŘÁK", value(after, TagFromName.PatientName));
    assertEquals("Łukasz^Dvořák", value(after, TagFromName.ResponsiblePerson));
    assertEquals("REX^DVOŘÁK", DicomFileInspector.inspect(out).patientName());
    // the other text values are re-encoded, not reinterpreted
    assertEquals(institution, value(after, TagFromName.InstitutionName));
    // the previous character set is kept with the previous values (PS3.3 C.12.1.1.9)
    AttributeList item = ((SequenceAttribute) after.get(TagFromName.OriginalAttributesSequence))
        .getItem(0).getAttributeList();
    AttributeList modified = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
        item, TagFromName.ModifiedAttributesSequence);
    assertEquals("ISO_IR 100", value(modified, TagFromName.SpecificCharacterSet));
    assertEquals(value(read(in), TagFromName.PatientName),
        value(modified, TagFromName.PatientName));
  }

  @Test
  void rewriteWithValuesAlreadyPresentWritesNothing() throws Exception {
    Path in = generated();
    InstanceHeader header = DicomFileInspector.inspect(in);
    Path out = dir.resolve("same.dcm");

    HeaderRewriter.Result result = HeaderRewriter.rewrite(in, out,
        nameAndId(header.patientName(), header.patientId()), "VETPACS", "COERCE");

    assertFalse(result.changed());
    assertFalse(Files.exists(out));
  }

  @Test
  void secondRewriteAppendsAnItemAndLosesNothing() throws Exception {
    Path in = generated();
    Path first = dir.resolve("first.dcm");
    Path second = dir.resolve("second.dcm");
    HeaderRewriter.rewrite(in, first, nameAndId("BAILEY^SMITH", "P-42"), "VETPACS", "COERCE");

    HeaderRewriter.rewrite(first, second, nameAndId("LUNA^JONES", "P-43"), "VETPACS", "CORRECT");

    SequenceAttribute original =
        (SequenceAttribute) read(second).get(TagFromName.OriginalAttributesSequence);
    assertEquals(2, original.getNumberOfItems());
    AttributeList latest = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
        original.getItem(1).getAttributeList(), TagFromName.ModifiedAttributesSequence);
    assertEquals("BAILEY^SMITH",
        Attribute.getSingleStringValueOrEmptyString(latest, TagFromName.PatientName));
  }

  @Test
  void addedCodeSequenceIsRecordedAsAbsentBefore() throws Exception {
    Path in = generated();
    Path stripped = dir.resolve("stripped.dcm");
    AttributeList list = read(in);
    list.remove(TagFromName.PatientBreedCodeSequence);
    list.write(stripped.toFile(),
        Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID), true, true);
    DicomDataset code = new DicomDataset().put(0x00080100, "SH", "58108001")
        .put(0x00080102, "SH", "SCT").put(0x00080104, "LO", "Golden retriever dog breed");
    Path out = dir.resolve("coded.dcm");

    HeaderRewriter.rewrite(stripped, out,
        new DicomDataset().putSequence(0x00102293, List.of(code)), "VETPACS", "COERCE");

    AttributeList after = read(out);
    assertEquals("58108001", SequenceAttribute
        .getSingleStringValueOfNamedAttributeFromWithinSequenceWithSingleItemOrEmptyString(
            after, TagFromName.PatientBreedCodeSequence, TagFromName.CodeValue));
    AttributeList modified = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
        ((SequenceAttribute) after.get(TagFromName.OriginalAttributesSequence))
            .getItem(0).getAttributeList(), TagFromName.ModifiedAttributesSequence);
    SequenceAttribute before = (SequenceAttribute) modified.get(TagFromName.PatientBreedCodeSequence);
    assertTrue(before != null && before.getNumberOfItems() == 0);
  }

  private static byte[] pixels(AttributeList list) throws Exception {
    Attribute a = list.get(TagFromName.PixelData);
    return a instanceof com.pixelmed.dicom.OtherWordAttribute
        ? shortsToBytes(a.getShortValues()) : a.getByteValues();
  }

  private static byte[] shortsToBytes(short[] shorts) {
    byte[] out = new byte[shorts.length * 2];
    for (int i = 0; i < shorts.length; i++) {
      out[2 * i] = (byte) shorts[i];
      out[2 * i + 1] = (byte) (shorts[i] >> 8);
    }
    return Arrays.copyOf(out, out.length);
  }
}
