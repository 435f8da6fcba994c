package org.vetpacs.dicomweb.ingest;

/**
 * Every DICOM status and failure reason code VetPACS answers with, in one place.
 *
 * <p>The same values are used for the C-STORE response status (PS3.7 C.4.2.1.5 / PS3.4 B.2.3) and
 * for the Failure Reason (0008,1197) / Warning Reason (0008,1196) of a STOW-RS Store Instances
 * Response (PS3.18 10.5.3, the Store Instances Response), so that the
 * behaviour, the published Conformance Statement and the tests cannot drift apart.
 */
public enum DicomStatus {
  /** PS3.4 B.2.3: Success. */
  SUCCESS(0x0000, Kind.SUCCESS, "Success"),
  /** PS3.4 B.2.3: Warning, coercion of data elements. */
  COERCION_OF_DATA_ELEMENTS(0xB000, Kind.WARNING, "Coercion of data elements"),
  /** PS3.4 B.2.3: Warning, elements discarded. */
  ELEMENTS_DISCARDED(0xB006, Kind.WARNING, "Elements discarded"),
  /** PS3.4 B.2.3: Warning, data set does not match SOP Class. */
  DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING(0xB007, Kind.WARNING, "Data set does not match SOP Class"),
  /** PS3.7 C.5.7: Failure, processing failure (an unexpected error while storing). */
  PROCESSING_FAILURE(0x0110, Kind.FAILURE, "Processing failure"),
  /**
   * PS3.7 C.5.8: Failure, duplicate SOP Instance. VetPACS keeps the first copy of an instance; a
   * second copy with different bytes is refused with this code (an identical copy is a success).
   */
  DUPLICATE_SOP_INSTANCE(0x0111, Kind.FAILURE, "Duplicate SOP Instance"),
  /** PS3.7 C.5.16: Failure, SOP Class not supported. */
  SOP_CLASS_NOT_SUPPORTED(0x0122, Kind.FAILURE, "SOP Class not supported"),
  /** PS3.4 B.2.3: Refused, out of resources. */
  OUT_OF_RESOURCES(0xA700, Kind.FAILURE, "Refused: out of resources"),
  /**
   * PS3.4 B.2.3: Error, data set does not match SOP Class. PS3.18 10.5.3 also uses it when the
   * Study Instance UID of an instance does not match the study in the STOW-RS request URL.
   */
  DATA_SET_DOES_NOT_MATCH_SOP_CLASS(0xA900, Kind.FAILURE, "Data set does not match SOP Class"),
  /** PS3.4 B.2.3: Error, cannot understand (unreadable or invalid data). */
  CANNOT_UNDERSTAND(0xC000, Kind.FAILURE, "Cannot understand");

  /** Whether a status means success, a warning (stored) or a failure (not stored). */
  public enum Kind {
    SUCCESS,
    WARNING,
    FAILURE
  }

  private final int code;
  private final Kind kind;
  private final String meaning;

  DicomStatus(int code, Kind kind, String meaning) {
    this.code = code;
    this.kind = kind;
    this.meaning = meaning;
  }

  /** The 16-bit status code. */
  public int code() {
    return code;
  }

  public Kind kind() {
    return kind;
  }

  /** The meaning as the standard words it. */
  public String meaning() {
    return meaning;
  }

  /** The code as the standard writes it, e.g. {@code A900H}. */
  public String hex() {
    return String.format("%04XH", code);
  }
}
