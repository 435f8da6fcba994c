package org.vetpacs.dicomweb.ingest;

/**
 * The answer for one instance offered to the archive, on either face.
 *
 * @param status success, warning (stored) or failure (not stored)
 * @param sopClassUid SOP Class UID if it could be read, else empty
 * @param sopInstanceUid SOP Instance UID if it could be read, else empty
 * @param studyInstanceUid Study Instance UID if it could be read, else empty
 * @param seriesInstanceUid Series Instance UID if it could be read, else empty
 * @param message a human-readable reason (for logs and the HTTP Warning header)
 */
public record StoreOutcome(
    DicomStatus status,
    String sopClassUid,
    String sopInstanceUid,
    String studyInstanceUid,
    String seriesInstanceUid,
    String message) {

  /** Whether the instance is in the archive after this store. */
  public boolean stored() {
    return status.kind() != DicomStatus.Kind.FAILURE;
  }
}
