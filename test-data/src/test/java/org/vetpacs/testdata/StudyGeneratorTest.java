package org.vetpacs.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vetpacs.model.animal.Species;

class StudyGeneratorTest {

  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(StudyKind.class)
  void sameSeedAndCallsGiveByteIdenticalFiles(StudyKind kind) throws Exception {
    GeneratedStudy a = new StudyGenerator(42).generate(kind, tmp.resolve("a"),
        GeneratorOptions.small());
    GeneratedStudy b = new StudyGenerator(42).generate(kind, tmp.resolve("b"),
        GeneratorOptions.small());
    assertEquals(a.studyInstanceUid(), b.studyInstanceUid());
    assertEquals(a.instances().size(), b.instances().size());
    for (int i = 0; i < a.instances().size(); i++) {
      assertArrayEquals(Files.readAllBytes(a.instances().get(i).file()),
          Files.readAllBytes(b.instances().get(i).file()), "instance " + i);
    }
  }

  @Test
  void differentSeedsGiveDifferentUidsAndPatients() throws Exception {
    GeneratedStudy a = new StudyGenerator(1).generate(StudyKind.CT, tmp, GeneratorOptions.small());
    GeneratedStudy b = new StudyGenerator(2).generate(StudyKind.CT, tmp, GeneratorOptions.small());
    assertNotEquals(a.studyInstanceUid(), b.studyInstanceUid());
    assertNotEquals(a.patientId(), b.patientId());
    Set<String> uids = new HashSet<>();
    for (GeneratedStudy s : List.of(a, b)) {
      uids.add(s.studyInstanceUid());
      s.instances().forEach(i -> uids.add(i.sopInstanceUid()));
    }
    assertEquals(2 + a.instances().size() + b.instances().size(), uids.size());
  }

  @Test
  void successiveCallsOnOneGeneratorGiveNewStudies() throws Exception {
    StudyGenerator g = new StudyGenerator(5);
    GeneratedStudy a = g.generate(StudyKind.DR_THORAX, tmp, GeneratorOptions.small());
    GeneratedStudy b = g.generate(StudyKind.DR_THORAX, tmp, GeneratorOptions.small());
    assertNotEquals(a.studyInstanceUid(), b.studyInstanceUid());
  }

  @ParameterizedTest
  @EnumSource(StudyKind.class)
  void everyFileRereadsWithPixelMedAndCarriesTheVeterinaryAttributes(StudyKind kind)
      throws Exception {
    GeneratedStudy study = new StudyGenerator(11).generate(kind, tmp, GeneratorOptions.small());
    assertFalse(study.instances().isEmpty());
    for (GeneratedInstance inst : study.instances()) {
      assertTrue(Files.size(inst.file()) == inst.sizeBytes());
      assertEquals(study.studyInstanceUid(),
          inst.file().getParent().getParent().getFileName().toString());
      AttributeList l = new AttributeList();
      l.read(inst.file().toFile());
      assertEquals("1.2.840.10008.1.2.1", value(l, TagFromName.TransferSyntaxUID));
      assertEquals(inst.sopClassUid(), value(l, TagFromName.SOPClassUID));
      assertEquals(inst.sopInstanceUid(), value(l, TagFromName.SOPInstanceUID));
      assertEquals(inst.seriesInstanceUid(), value(l, TagFromName.SeriesInstanceUID));
      assertEquals(study.studyInstanceUid(), value(l, TagFromName.StudyInstanceUID));
      assertEquals(study.patientName(), value(l, TagFromName.PatientName));
      assertTrue(study.patientName().matches("[A-Z]+\\^[A-Z]+"), study.patientName());
      assertEquals(study.patientId(), value(l, TagFromName.PatientID));
      assertEquals(study.accessionNumber(), value(l, TagFromName.AccessionNumber));
      assertEquals(study.modality(), value(l, TagFromName.Modality));
      assertEquals("ISO_IR 100", value(l, TagFromName.SpecificCharacterSet));
      assertEquals(StudyGenerator.MANUFACTURER, value(l, TagFromName.Manufacturer));
      assertEquals(study.species().dicomDescription(),
          value(l, TagFromName.PatientSpeciesDescription));
      assertEquals(study.species().snomedCode(),
          codeValue(l, TagFromName.PatientSpeciesCodeSequence));
      assertEquals("SCT", SequenceAttribute.getNamedAttributeFromWithinSequenceWithSingleItem(l,
          TagFromName.PatientSpeciesCodeSequence, TagFromName.CodingSchemeDesignator)
          .getSingleStringValueOrNull());
      assertFalse(value(l, TagFromName.PatientBreedDescription).isEmpty());
      assertTrue(l.get(TagFromName.PatientBreedCodeSequence) instanceof SequenceAttribute);
      assertTrue(l.get(TagFromName.BreedRegistrationSequence) instanceof SequenceAttribute);
      assertTrue(value(l, TagFromName.ResponsiblePerson).matches("[A-Z]+\\^[A-Z]+"));
      assertEquals("OWNER", value(l, TagFromName.ResponsiblePersonRole));
      assertFalse(value(l, TagFromName.ResponsibleOrganization).isEmpty());
      assertTrue(Set.of("ALTERED", "UNALTERED").contains(value(l, TagFromName.PatientSexNeutered)));
      assertTrue(Set.of("M", "F").contains(value(l, TagFromName.PatientSex)));
      assertEquals(8, value(l, TagFromName.PatientBirthDate).length());
      assertEquals(8, value(l, TagFromName.StudyDate).length());
      for (AttributeTag t : List.of(TagFromName.StudyTime, TagFromName.StudyID,
          TagFromName.StudyDescription, TagFromName.SeriesNumber, TagFromName.InstanceNumber,
          TagFromName.BodyPartExamined, TagFromName.Rows, TagFromName.Columns,
          TagFromName.PixelData)) {
        assertTrue(l.containsKey(t), t.toString());
      }
      assertValidUid(inst.sopInstanceUid());
      assertValidUid(inst.seriesInstanceUid());
    }
    assertValidUid(study.studyInstanceUid());
    if (kind == StudyKind.EQUINE_LIMB) {
      assertEquals(Species.HORSE, study.species());
    }
  }

  @Test
  void smallModeUsesTinyMatricesAndFewInstances() throws Exception {
    StudyGenerator g = new StudyGenerator(3);
    GeneratedStudy ct = g.generate(StudyKind.CT, tmp, GeneratorOptions.small());
    assertEquals(5, ct.instances().size());
    AttributeList l = read(ct.instances().get(0));
    assertEquals(64, l.get(TagFromName.Rows).getSingleIntegerValueOrDefault(0));
    assertEquals(64, l.get(TagFromName.Columns).getSingleIntegerValueOrDefault(0));
    assertEquals("-1024", value(l, TagFromName.RescaleIntercept));
    assertEquals(6, l.get(TagFromName.ImageOrientationPatient).getVM());
    assertEquals(3, l.get(TagFromName.ImagePositionPatient).getVM());

    GeneratedStudy us = g.generate(StudyKind.US_CINE, tmp, GeneratorOptions.small());
    AttributeList u = read(us.instances().get(0));
    assertEquals("3", value(u, TagFromName.NumberOfFrames));
    assertEquals("RGB", value(u, TagFromName.PhotometricInterpretation));
    assertEquals(0, u.get(TagFromName.PlanarConfiguration).getSingleIntegerValueOrDefault(-1));
    assertEquals(64 * 64 * 3 * 3, u.get(TagFromName.PixelData).getVL());

    for (StudyKind k : StudyKind.values()) {
      GeneratedStudy s = g.generate(k, tmp, GeneratorOptions.small());
      s.instances().forEach(i -> assertTrue(i.sizeBytes() < 200_000, k + " " + i.sizeBytes()));
    }
  }

  @Test
  void instanceCountOverrideSetsTheNumberOfInstances() throws Exception {
    GeneratedStudy s = new StudyGenerator(9).generate(StudyKind.DENTAL, tmp,
        new GeneratorOptions(true, 7));
    assertEquals(7, s.instances().size());
    assertEquals(1, s.instances().stream().map(GeneratedInstance::seriesInstanceUid).distinct()
        .count());
  }

  @Test
  void realisticDrImageIsAbout2500By3000SixteenBit() throws Exception {
    GeneratedStudy s = new StudyGenerator(4).generate(StudyKind.DR_THORAX, tmp,
        new GeneratorOptions(false, 1));
    assertEquals(1, s.instances().size());
    AttributeList l = read(s.instances().get(0));
    assertEquals(StudyGenerator.DX_FOR_PRESENTATION, value(l, TagFromName.SOPClassUID));
    assertEquals(3000, l.get(TagFromName.Rows).getSingleIntegerValueOrDefault(0));
    assertEquals(2500, l.get(TagFromName.Columns).getSingleIntegerValueOrDefault(0));
    assertEquals(16, l.get(TagFromName.BitsAllocated).getSingleIntegerValueOrDefault(0));
    assertEquals("MONOCHROME2", value(l, TagFromName.PhotometricInterpretation));
    assertEquals("FOR PRESENTATION", value(l, TagFromName.PresentationIntentType));
    assertTrue(s.instances().get(0).sizeBytes() > 2500L * 3000 * 2);
    // Structure, not noise: the lung field is darker than the spine.
    short[] px = l.get(TagFromName.PixelData).getShortValues();
    assertTrue(mean(px, 2500, 1250, 1500, 40) > mean(px, 2500, 625, 1400, 40) + 300);
  }

  @Test
  void generatorRejectsNegativeOverride() {
    assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(false, -1));
  }

  @Test
  void uidSourceGivesValidUidsUnderTheUuidRoot() {
    UidSource uids = new UidSource(new java.util.Random(0));
    for (int i = 0; i < 1000; i++) {
      assertValidUid(uids.next());
    }
  }

  private static double mean(short[] px, int width, int cx, int cy, int half) {
    long sum = 0;
    int n = 0;
    for (int y = cy - half; y < cy + half; y++) {
      for (int x = cx - half; x < cx + half; x++) {
        sum += px[y * width + x] & 0xffff;
        n++;
      }
    }
    return (double) sum / n;
  }

  private static AttributeList read(GeneratedInstance inst) throws Exception {
    AttributeList l = new AttributeList();
    l.read(inst.file().toFile());
    return l;
  }

  private static String value(AttributeList l, AttributeTag tag) {
    Attribute a = l.get(tag);
    return a == null ? null : a.getSingleStringValueOrEmptyString();
  }

  private static String codeValue(AttributeList l, AttributeTag sequence) {
    Attribute a = SequenceAttribute.getNamedAttributeFromWithinSequenceWithSingleItem(l, sequence,
        TagFromName.CodeValue);
    return a == null ? null : a.getSingleStringValueOrNull();
  }

  /** PS3.5 9.1: digits and dots, no empty or zero-led component, at most 64 characters. */
  private static void assertValidUid(String uid) {
    assertTrue(uid.length() <= 64, uid);
    assertTrue(uid.startsWith("2.25."), uid);
    assertTrue(uid.matches("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*"), uid);
  }

  @Test
  void sameSeedForTwoKindsGivesTwoDifferentStudies() throws Exception {
    GeneratedStudy ct =
        new StudyGenerator(7).generate(StudyKind.CT, tmp.resolve("ct"), GeneratorOptions.small());
    GeneratedStudy dr =
        new StudyGenerator(7)
            .generate(StudyKind.DR_THORAX, tmp.resolve("dr"), GeneratorOptions.small());
    org.junit.jupiter.api.Assertions.assertNotEquals(ct.studyInstanceUid(), dr.studyInstanceUid());
  }
}
