package org.vetpacs.dicomweb.query;

/** A QIDO-RS / C-FIND query the archive cannot accept (unknown key, malformed value). */
public class QueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QueryException(String message) {
    super(message);
  }
}
