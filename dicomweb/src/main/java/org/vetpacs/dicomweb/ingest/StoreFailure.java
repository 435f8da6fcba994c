package org.vetpacs.dicomweb.ingest;

/**
 * Thrown inside the ingest pipeline when an instance cannot be stored; carries the DICOM failure
 * reason that the STOW-RS response or the C-STORE response reports.
 */
public class StoreFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final DicomStatus status;

  public StoreFailure(DicomStatus status, String message) {
    super(message);
    this.status = status;
  }

  public StoreFailure(DicomStatus status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public DicomStatus status() {
    return status;
  }
}
