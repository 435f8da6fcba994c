package org.vetpacs.dicomweb.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vetpacs.testdata.GeneratedInstance;
import org.vetpacs.testdata.GeneratedStudy;
import org.vetpacs.testdata.GeneratorOptions;
import org.vetpacs.testdata.StudyGenerator;
import org.vetpacs.testdata.StudyKind;

/** Reading and checking received Part 10 files (PS3.10 7.1) before anything is acknowledged. */
class DicomFileInspectorTest {

  private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
  /** Basic Text SR: a storage SOP class without Pixel Data (an image class must have it). */
  private static final String BASIC_TEXT_SR = "1.2.840.10008.5.1.4.1.1.88.11";

  @TempDir static Path shared;
  private static GeneratedStudy study;

  @TempDir Path dir;

  @BeforeAll
  static void generateStudy() throws IOException {
    study = new StudyGenerator(20240101L).generate(StudyKind.CT, shared, GeneratorOptions.small());
  }

  private static GeneratedInstance firstInstance() {
    return study.instances().get(0);
  }

  private Path copyTruncated(Path source, long length) throws IOException {
    byte[] bytes = Files.readAllBytes(source);
    Path target = dir.resolve("truncated.dcm");
    Files.write(target, Arrays.copyOf(bytes, (int) length));
    return target;
  }

  private static void put(AttributeList list, Attribute attribute, String value)
      throws DicomException {
    attribute.addValue(value);
    list.put(attribute);
  }

  /** A header-only Secondary Capture instance; {@code sopInstanceUid} null leaves it out. */
  private Path writeMinimal(String sopInstanceUid) throws IOException, DicomException {
    AttributeList list = new AttributeList();
    put(list, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), BASIC_TEXT_SR);
    put(list, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), "1.2.3.4.5.6");
    put(list, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), "1.2.3.4");
    put(list, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), "1.2.3.4.5");
    put(list, new PersonNameAttribute(TagFromName.PatientName), "REX^SMITH");
    put(list, new LongStringAttribute(TagFromName.PatientID), "P-1");
    FileMetaInformation.addFileMetaInformation(
        list, TransferSyntax.ExplicitVRLittleEndian, "VETPACS_TEST");
    if (sopInstanceUid == null) {
      list.remove(TagFromName.SOPInstanceUID);
    } else {
      list.remove(TagFromName.SOPInstanceUID);
      put(list, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), sopInstanceUid);
    }
    Path file = dir.resolve("minimal.dcm");
    list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
    return file;
  }

  @Test
  void readsIdentifyingUidsAndTransferSyntax() throws Exception {
    GeneratedInstance instance = firstInstance();
    InstanceHeader header = DicomFileInspector.inspect(instance.file());
    assertEquals(CT_IMAGE_STORAGE, header.sopClassUid());
    assertEquals(instance.sopClassUid(), header.sopClassUid());
    assertEquals(instance.sopInstanceUid(), header.sopInstanceUid());
    assertEquals(study.studyInstanceUid(), header.studyInstanceUid());
    assertEquals(instance.seriesInstanceUid(), header.seriesInstanceUid());
    assertEquals(TransferSyntax.ExplicitVRLittleEndian, header.transferSyntaxUid());
  }

  @Test
  void readsPatientAndSeriesAttributes() throws Exception {
    InstanceHeader header = DicomFileInspector.inspect(firstInstance().file());
    assertEquals(study.patientName(), header.patientName());
    assertEquals(study.patientId(), header.patientId());
    assertEquals(study.accessionNumber(), header.accessionNumber());
    assertEquals(study.species().dicomDescription(), header.patientSpeciesDescription());
    assertEquals("CT", header.modality());
    assertEquals("ISO_IR 100", header.specificCharacterSet());
    assertEquals("1", header.instanceNumber());
    assertFalse(header.studyDate().isEmpty());
  }

  @Test
  void readsEveryInstanceOfTheStudy() throws Exception {
    assertEquals(5, study.instances().size());
    for (GeneratedInstance instance : study.instances()) {
      assertEquals(
          instance.sopInstanceUid(), DicomFileInspector.inspect(instance.file()).sopInstanceUid());
    }
  }

  @Test
  void acceptsAFileWithoutPixelData() throws Exception {
    InstanceHeader header = DicomFileInspector.inspect(writeMinimal("1.2.3.4.5.6"));
    assertEquals("1.2.3.4.5.6", header.sopInstanceUid());
    assertEquals(BASIC_TEXT_SR, header.sopClassUid());
    assertEquals("REX^SMITH", header.patientName());
    assertEquals("", header.patientSpeciesDescription(), "absent attributes are empty strings");
  }

  @Test
  void rejectsAFileWithoutDicmPrefix() throws IOException {
    Path file = dir.resolve("not-dicom.dcm");
    Files.write(file, "x".repeat(1000).getBytes(StandardCharsets.US_ASCII));
    DicomParseException e =
        assertThrows(DicomParseException.class, () -> DicomFileInspector.inspect(file));
    assertTrue(e.getMessage().contains("DICM"), e.getMessage());
  }

  @Test
  void rejectsAFileShorterThanThePreamble() throws IOException {
    Path file = dir.resolve("tiny.dcm");
    Files.write(file, new byte[10]);
    assertThrows(DicomParseException.class, () -> DicomFileInspector.inspect(file));
  }

  @Test
  void rejectsAFileTruncatedInsidePixelData() throws IOException {
    Path source = firstInstance().file();
    Path truncated = copyTruncated(source, Files.size(source) - 100);
    DicomParseException e =
        assertThrows(DicomParseException.class, () -> DicomFileInspector.inspect(truncated));
    assertTrue(e.getMessage().contains("Truncated"), e.getMessage());
  }

  @Test
  void rejectsAFileTruncatedByOneByte() throws IOException {
    Path source = firstInstance().file();
    Path truncated = copyTruncated(source, Files.size(source) - 1);
    DicomParseException e =
        assertThrows(DicomParseException.class, () -> DicomFileInspector.inspect(truncated));
    assertTrue(e.getMessage().contains("Truncated"), e.getMessage());
  }

  @Test
  void rejectsAFileTruncatedInsideTheHeader() throws IOException {
    Path truncated = copyTruncated(firstInstance().file(), 300);
    assertThrows(DicomParseException.class, () -> DicomFileInspector.inspect(truncated));
  }

  /**
   * Known bug, reproduced here: PixelMed's {@code AttributeList.read} logs and swallows an end of
   * file inside the header, so a file cut after the UIDs but before the end of the Pixel Data
   * element header (bytes 1402 to 1737 of this 9938-byte file) is accepted as complete, without
   * pixel data. Enable once {@link DicomFileInspector} refuses such files.
   */
  @Test
  void rejectsAFileTruncatedAtAnyPointOfTheHeader() throws IOException {
    Path source = firstInstance().file();
    long size = Files.size(source);
    long pixelDataValueLength = 64 * 64 * 2;
    for (long length = 132; length < size - pixelDataValueLength; length += 37) {
      Path truncated = copyTruncated(source, length);
      long cut = length;
      assertThrows(
          DicomParseException.class,
          () -> DicomFileInspector.inspect(truncated),
          "cut at " + cut + " of " + size);
    }
  }

  @Test
  void rejectsAFileWithoutSopInstanceUid() throws Exception {
    Path file = writeMinimal(null);
    DicomParseException e =
        assertThrows(DicomParseException.class, () -> DicomFileInspector.inspect(file));
    assertTrue(e.getMessage().contains("SOP Instance UID"), e.getMessage());
  }

  @Test
  void exposesTheHeaderAsDicomJson() throws Exception {
    InstanceHeader header = DicomFileInspector.inspect(firstInstance().file());
    assertNotNull(header.dicomJson());
    assertTrue(header.dicomJson().startsWith("{"));
  }

  /** Guards the test data itself: a wrong tag here would make the tests above pass vacuously. */
  @Test
  void generatedFileHasPixelDataAtItsEnd() throws Exception {
    AttributeList list = new AttributeList();
    list.read(firstInstance().file().toFile());
    Attribute pixelData = list.get(TagFromName.PixelData);
    assertNotNull(pixelData);
    assertEquals(64 * 64 * 2, pixelData.getVL());
    assertEquals(new AttributeTag(0x7FE0, 0x0010), pixelData.getTag());
  }
}
