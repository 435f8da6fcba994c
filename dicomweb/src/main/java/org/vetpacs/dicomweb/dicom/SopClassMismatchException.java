package org.vetpacs.dicomweb.dicom;

/**
 * The File Meta Information names another SOP Class than the data set (PS3.10 7.1: (0002,0002)
 * must equal (0008,0016)); answered with failure A900, "data set does not match SOP Class".
 */
public class SopClassMismatchException extends DicomParseException {
  private static final long serialVersionUID = 1L;

  public SopClassMismatchException(String message) {
    super(message);
  }
}
