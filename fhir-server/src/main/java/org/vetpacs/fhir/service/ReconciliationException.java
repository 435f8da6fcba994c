package org.vetpacs.fhir.service;

/** A reconciliation request that cannot be carried out, with the kind that decides the status. */
public class ReconciliationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why; the edge maps each kind to one HTTP status. */
  public enum Kind {
    /** A malformed or incomplete request: 400. */
    INVALID,
    /** No such queue item, study, patient or order: 404. */
    NOT_FOUND,
    /** The item was already handled, or the action contradicts the data: 409. */
    CONFLICT
  }

  private final Kind kind;

  /**
   * Creates the exception.
   *
   * @param kind the kind
   * @param message what a client can act on (no animal or owner names)
   */
  public ReconciliationException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /**
   * The kind.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }
}
