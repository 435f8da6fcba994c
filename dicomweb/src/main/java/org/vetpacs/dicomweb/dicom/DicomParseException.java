package org.vetpacs.dicomweb.dicom;

/** The bytes offered are not a readable, complete DICOM Part 10 instance. */
public class DicomParseException extends Exception {
  private static final long serialVersionUID = 1L;

  public DicomParseException(String message) {
    super(message);
  }

  public DicomParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
