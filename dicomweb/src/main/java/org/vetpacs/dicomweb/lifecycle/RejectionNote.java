package org.vetpacs.dicomweb.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vetpacs.dicomweb.dicom.DatasetJson;
import org.vetpacs.dicomweb.dicom.DicomDataset;

/**
 * An IOCM rejection note read from a Key Object Selection document: its title and the instances it
 * rejects.
 *
 * <p>A KOS (SOP Class {@value #KEY_OBJECT_SELECTION}, PS3.3 A.35.4) is a rejection note when its
 * Concept Name Code Sequence (0040,A043), the document title of the SR Document Content Module
 * (PS3.3 C.17.3), is one of {@link RejectionReason}. The rejected instances are those of Current
 * Requested Procedure Evidence Sequence (0040,A375) (PS3.3 C.17.2, SR Document General Module) >
 * Referenced Series Sequence (0008,1115) > Referenced SOP Sequence (0008,1199), each under its
 * item's Study Instance UID.
 *
 * @param sopInstanceUid the note's own SOP Instance UID
 * @param reason its title
 * @param rejected the referenced instances, in document order
 */
public record RejectionNote(String sopInstanceUid, RejectionReason reason, List<Reference> rejected) {

  /** SOP Class UID of Key Object Selection Document Storage (PS3.4 B.5). */
  public static final String KEY_OBJECT_SELECTION = "1.2.840.10008.5.1.4.1.1.88.59";

  static final int SOP_CLASS_UID = 0x00080016;
  static final int SOP_INSTANCE_UID = 0x00080018;
  static final int CONCEPT_NAME_CODE_SEQUENCE = 0x0040A043;
  static final int CODE_VALUE = 0x00080100;
  static final int CODING_SCHEME_DESIGNATOR = 0x00080102;
  static final int CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE = 0x0040A375;
  static final int STUDY_INSTANCE_UID = 0x0020000D;
  static final int REFERENCED_SERIES_SEQUENCE = 0x00081115;
  static final int SERIES_INSTANCE_UID = 0x0020000E;
  static final int REFERENCED_SOP_SEQUENCE = 0x00081199;
  static final int REFERENCED_SOP_CLASS_UID = 0x00081150;
  static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155;

  /** One rejected instance. */
  public record Reference(
      String studyInstanceUid, String seriesInstanceUid, String sopClassUid, String sopInstanceUid) {}

  public RejectionNote {
    rejected = List.copyOf(rejected);
  }

  /** Reads a note from an instance's DICOM JSON (PS3.18 F.2), as kept in the index. */
  public static Optional<RejectionNote> fromDicomJson(String json) {
    if (json == null || json.isBlank()) {
      return Optional.empty();
    }
    return from(DatasetJson.parse(json));
  }

  /**
   * The rejection note a data set is, or empty if it is not a KOS titled with a rejection reason.
   * References without a Study, Series or SOP Instance UID are skipped (they name nothing).
   */
  public static Optional<RejectionNote> from(DicomDataset kos) {
    if (!KEY_OBJECT_SELECTION.equals(kos.string(SOP_CLASS_UID).trim())) {
      return Optional.empty();
    }
    List<DicomDataset> title = items(kos, CONCEPT_NAME_CODE_SEQUENCE);
    if (title.isEmpty()) {
      return Optional.empty();
    }
    Optional<RejectionReason> reason =
        RejectionReason.of(
            title.get(0).string(CODE_VALUE), title.get(0).string(CODING_SCHEME_DESIGNATOR));
    if (reason.isEmpty()) {
      return Optional.empty();
    }
    String self = kos.string(SOP_INSTANCE_UID).trim();
    List<Reference> rejected = new ArrayList<>();
    for (DicomDataset study : items(kos, CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE)) {
      String studyUid = study.string(STUDY_INSTANCE_UID).trim();
      for (DicomDataset series : items(study, REFERENCED_SERIES_SEQUENCE)) {
        String seriesUid = series.string(SERIES_INSTANCE_UID).trim();
        for (DicomDataset sop : items(series, REFERENCED_SOP_SEQUENCE)) {
          String sopUid = sop.string(REFERENCED_SOP_INSTANCE_UID).trim();
          if (studyUid.isEmpty() || seriesUid.isEmpty() || sopUid.isEmpty() || sopUid.equals(self)) {
            continue; // a note never rejects itself
          }
          rejected.add(
              new Reference(studyUid, seriesUid, sop.string(REFERENCED_SOP_CLASS_UID).trim(), sopUid));
        }
      }
    }
    return Optional.of(new RejectionNote(self, reason.get(), rejected));
  }

  private static List<DicomDataset> items(DicomDataset dataset, int tag) {
    DicomDataset.Element element = dataset.get(tag);
    List<DicomDataset> items = new ArrayList<>();
    if (element != null) {
      for (Object value : element.values()) {
        if (value instanceof DicomDataset item) {
          items.add(item);
        }
      }
    }
    return items;
  }
}
