package org.vetpacs.dicomweb.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vetpacs.dicomweb.dicom.DatasetJson;
import org.vetpacs.dicomweb.dicom.DicomDataset;

class RejectionNoteTest {

  private static final String KOS_UID = "1.2.3.99";

  /** A KOS titled (code, scheme) referencing two instances of one series and one of another. */
  static DicomDataset kos(String code, String scheme) {
    DicomDataset d = new DicomDataset();
    d.put(0x00080016, "UI", RejectionNote.KEY_OBJECT_SELECTION);
    d.put(0x00080018, "UI", KOS_UID);
    d.putSequence(
        0x0040A043,
        List.of(
            new DicomDataset()
                .put(0x00080100, "SH", code)
                .put(0x00080102, "SH", scheme)
                .put(0x00080104, "LO", "Rejected for Quality Reasons")));
    DicomDataset series1 =
        new DicomDataset()
            .put(0x0020000E, "UI", "1.2.3.1")
            .putSequence(0x00081199, List.of(sop("1.2.3.1.1"), sop("1.2.3.1.2"), sop(KOS_UID)));
    DicomDataset series2 =
        new DicomDataset()
            .put(0x0020000E, "UI", "1.2.3.2")
            .putSequence(0x00081199, List.of(sop("1.2.3.2.1"), new DicomDataset()));
    d.putSequence(
        0x0040A375,
        List.of(
            new DicomDataset()
                .put(0x0020000D, "UI", "1.2.3")
                .putSequence(0x00081115, List.of(series1, series2))));
    return d;
  }

  private static DicomDataset sop(String uid) {
    return new DicomDataset()
        .put(0x00081150, "UI", "1.2.840.10008.5.1.4.1.1.2")
        .put(0x00081155, "UI", uid);
  }

  @Test
  void qualityRejectionNoteListsEveryReferencedInstanceUnderItsStudyAndSeries() {
    RejectionNote note = RejectionNote.from(kos("113001", "DCM")).orElseThrow();
    assertEquals(RejectionReason.REJECTED_FOR_QUALITY_REASONS, note.reason());
    assertEquals(KOS_UID, note.sopInstanceUid());
    assertEquals(
        List.of(
            new RejectionNote.Reference("1.2.3", "1.2.3.1", "1.2.840.10008.5.1.4.1.1.2", "1.2.3.1.1"),
            new RejectionNote.Reference("1.2.3", "1.2.3.1", "1.2.840.10008.5.1.4.1.1.2", "1.2.3.1.2"),
            new RejectionNote.Reference("1.2.3", "1.2.3.2", "1.2.840.10008.5.1.4.1.1.2", "1.2.3.2.1")),
        note.rejected());
  }

  @Test
  void everyIocmTitleIsARejectionNote() {
    for (String code : List.of("113001", "113037", "113038", "113039")) {
      RejectionNote note = RejectionNote.from(kos(code, "DCM")).orElseThrow();
      assertEquals(code, note.reason().codeValue());
    }
  }

  @Test
  void keyImagesOfInterestAreNotARejection() {
    assertTrue(RejectionNote.from(kos("113000", "DCM")).isEmpty());
  }

  @Test
  void aRejectionCodeOfAnotherSchemeIsNotARejection() {
    assertTrue(RejectionNote.from(kos("113001", "99LOCAL")).isEmpty());
  }

  @Test
  void anObjectThatIsNotAKeyObjectSelectionIsNotARejection() {
    DicomDataset sr = kos("113001", "DCM").put(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.88.22");
    assertTrue(RejectionNote.from(sr).isEmpty());
  }

  @Test
  void aKosWithoutTitleIsNotARejection() {
    DicomDataset d = kos("113001", "DCM");
    d.remove(0x0040A043);
    assertTrue(RejectionNote.from(d).isEmpty());
  }

  @Test
  void noteIsReadFromTheDicomJsonKeptInTheIndex() {
    String json = DatasetJson.toJson(kos("113039", "DCM"));
    RejectionNote note = RejectionNote.fromDicomJson(json).orElseThrow();
    assertEquals(RejectionReason.DATA_RETENTION_POLICY_EXPIRED, note.reason());
    assertEquals(3, note.rejected().size());
  }

  @Test
  void missingMetadataIsNoNote() {
    assertTrue(RejectionNote.fromDicomJson(null).isEmpty());
    assertTrue(RejectionNote.fromDicomJson("").isEmpty());
  }

  @Test
  void reasonIgnoresMeaningAndSurroundingBlanks() {
    assertEquals(
        RejectionReason.INCORRECT_MODALITY_WORKLIST_ENTRY,
        RejectionReason.of(" 113038 ", "DCM ").orElseThrow());
    assertTrue(RejectionReason.of("113038", null).isEmpty());
  }
}
