package org.vetpacs.dicomweb.ingest;

/**
 * Every DICOM status and failure reason code VetPACS answers with, in one place.
 *
 * <p>The same values are used for the C-STORE response status (PS3.7 9.1.1.1.9 / PS3.4 B.2.3), for
 * the Failure Reason (0008,1197) / Warning Reason (0008,1196) of a STOW-RS Store Instances
 * Response (PS3.18 10.5.3), and for the C-ECHO, C-MOVE and C-GET response statuses (PS3.7 9.3,
 * PS3.4 A.4, C.4.2.1.5 and C.4.3.1.4), so that the behaviour, the published Conformance Statement
 * and the tests cannot drift apart.
 *
 * <p>A code means different things in different services (B000 is "coercion of data elements" in
 * a C-STORE response and "sub-operations complete, one or more failures" in a C-MOVE or C-GET
 * response), so a code is looked up together with the {@link Service} it belongs to.
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
  CANNOT_UNDERSTAND(0xC000, Kind.FAILURE, "Cannot understand"),

  // --- DIMSE statuses of the Verification and Query/Retrieve services and of DIMSE itself ---

  /**
   * PS3.7 Annex C.5 (Failure status class): Unrecognized operation, answered to a command
   * that the SOP Class of its presentation context does not support (e.g. C-FIND on a storage
   * context).
   */
  UNRECOGNIZED_OPERATION(0x0211, Kind.FAILURE, "Unrecognized operation", Service.ANY),
  /**
   * PS3.4 C.4.2.1.5 (Table C.4-2) and C.4.3.1.4 (Table C.4-3): Pending, sub-operations are
   * continuing; sent with the sub-operation counts after each C-STORE sub-operation.
   */
  PENDING_SUB_OPERATIONS(0xFF00, Kind.PENDING, "Sub-operations are continuing", Service.RETRIEVE),
  /**
   * PS3.4 C.4.2.1.5 (Table C.4-2) and C.4.3.1.4 (Table C.4-3): Warning, sub-operations complete,
   * one or more failures or warnings; the response carries Failed SOP Instance UID List
   * (0008,0058).
   */
  SUB_OPERATIONS_COMPLETE_WITH_FAILURES(
      0xB000, Kind.WARNING, "Sub-operations complete - one or more failures", Service.RETRIEVE),
  /**
   * PS3.4 C.4.2.1.5 (Table C.4-2) and C.4.3.1.4 (Table C.4-3): Refused, out of resources, unable
   * to perform sub-operations (e.g. the move destination cannot be reached).
   */
  UNABLE_TO_PERFORM_SUB_OPERATIONS(
      0xA702, Kind.FAILURE, "Refused: out of resources - unable to perform sub-operations",
      Service.RETRIEVE),
  /**
   * PS3.4 C.4.3.1.4 (Table C.4-3): Cancel, sub-operations terminated due to a Cancel indication
   * (a C-CANCEL-RQ during a C-GET).
   */
  CANCEL(0xFE00, Kind.CANCEL, "Sub-operations terminated due to Cancel indication",
      Service.RETRIEVE),
  /** PS3.4 C.4.2.1.5 (Table C.4-2): Refused, Move Destination unknown. */
  MOVE_DESTINATION_UNKNOWN(0xA801, Kind.FAILURE, "Refused: Move Destination unknown",
      Service.RETRIEVE),
  /**
   * PS3.4 C.4.2.1.5 (Table C.4-2) and C.4.3.1.4 (Table C.4-3): Error, identifier does not match
   * SOP Class (e.g. no or an unsupported Query/Retrieve Level, or unique keys missing).
   */
  IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS(
      0xA900, Kind.FAILURE, "Identifier does not match SOP Class", Service.RETRIEVE),
  /**
   * PS3.4 C.4.2.1.5 (Table C.4-2) and C.4.3.1.4 (Table C.4-3): Failed, unable to process (the
   * range C000-CFFF; VetPACS uses C000).
   */
  UNABLE_TO_PROCESS(0xC000, Kind.FAILURE, "Unable to process", Service.RETRIEVE),
  /**
   * PS3.4 C.4.1.1.4 (Table C.4-1) and K.4.1.1.4 (Modality Worklist): Pending, matches are
   * continuing and the optional keys were supported; one per match, carrying the match.
   */
  MATCHES_CONTINUING(0xFF00, Kind.PENDING, "Matches are continuing", Service.QUERY),
  /** PS3.4 C.4.1.1.4: Error, identifier does not match SOP Class. */
  QUERY_IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS(
      0xA900, Kind.FAILURE, "Identifier does not match SOP Class", Service.QUERY),
  /** PS3.4 C.4.1.1.4: Failed, unable to process (C000-CFFF; VetPACS uses C000). */
  QUERY_UNABLE_TO_PROCESS(0xC000, Kind.FAILURE, "Unable to process", Service.QUERY),
  /** PS3.4 C.4.1.1.4: Refused, out of resources (too many matches to answer). */
  QUERY_OUT_OF_RESOURCES(0xA700, Kind.FAILURE, "Refused: out of resources", Service.QUERY);

  /** Whether a status means success, a warning (stored) or a failure (not stored). */
  public enum Kind {
    SUCCESS,
    WARNING,
    FAILURE,
    /** More responses follow (PS3.7 Annex C: Pending status class). */
    PENDING,
    /** The operation was cancelled by the requestor (PS3.7 Annex C: Cancel status class). */
    CANCEL
  }

  /** The services whose responses a status may appear in. */
  public enum Service {
    /** Any DIMSE response (general statuses of PS3.7 Annex C). */
    ANY,
    /** C-STORE responses and STOW-RS Failure/Warning Reasons (PS3.4 B.2.3, PS3.18 10.5.3). */
    STORAGE,
    /** C-MOVE and C-GET responses (PS3.4 C.4.2.1.5, C.4.3.1.4). */
    RETRIEVE,
    /** C-FIND responses of Query/Retrieve and Modality Worklist (PS3.4 C.4.1.1.4, K.4.1.1.4). */
    QUERY
  }

  private final int code;
  private final Kind kind;
  private final String meaning;
  private final Service service;

  DicomStatus(int code, Kind kind, String meaning) {
    this(code, kind, meaning, code == 0 ? Service.ANY : Service.STORAGE);
  }

  DicomStatus(int code, Kind kind, String meaning, Service service) {
    this.code = code;
    this.kind = kind;
    this.meaning = meaning;
    this.service = service;
  }

  /** The service whose responses this status belongs to. */
  public Service service() {
    return service;
  }

  /**
   * The status with {@code code} in responses of {@code service} (general statuses included).
   *
   * @throws IllegalArgumentException if VetPACS never answers with that code there
   */
  public static DicomStatus of(Service service, int code) {
    for (DicomStatus status : values()) {
      if (status.code == code && (status.service == service || status.service == Service.ANY)) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        String.format("No status %04XH for %s responses", code, service));
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
