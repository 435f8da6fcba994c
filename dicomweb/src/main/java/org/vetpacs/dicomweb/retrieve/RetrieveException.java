package org.vetpacs.dicomweb.retrieve;

/**
 * A retrieve request that cannot be answered, with the reason that decides the HTTP status (PS3.18
 * 10.4.3, Table 8.6.1-2): the edge maps {@link Reason} to a status in one place.
 */
public class RetrieveException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a retrieve failed; each maps to one status code. */
  public enum Reason {
    /** Malformed UID, frame list or query parameter: 400 Bad Request. */
    BAD_REQUEST,
    /** No such study, series, instance or bulk data in the archive: 404 Not Found. */
    NOT_FOUND,
    /** The resource exists but not in any representation the client accepts: 406. */
    NOT_ACCEPTABLE
  }

  private final Reason reason;

  public RetrieveException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public RetrieveException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  static RetrieveException badRequest(String message) {
    return new RetrieveException(Reason.BAD_REQUEST, message);
  }

  static RetrieveException notFound(String message) {
    return new RetrieveException(Reason.NOT_FOUND, message);
  }

  static RetrieveException notAcceptable(String message) {
    return new RetrieveException(Reason.NOT_ACCEPTABLE, message);
  }
}
