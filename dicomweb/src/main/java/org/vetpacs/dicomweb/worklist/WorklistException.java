package org.vetpacs.dicomweb.worklist;

/**
 * Why the worklist refused a request. Every refusal of the worklist service is one of these kinds,
 * and the HTTP face maps each kind to one status in one place (400, 404, 409).
 */
public class WorklistException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The reasons a worklist request is refused. */
  public enum Kind {
    /** The request itself is wrong: a missing or malformed attribute or matching key. */
    INVALID,
    /** No worklist item has that id. */
    NOT_FOUND,
    /**
     * The request conflicts with the stored state: a duplicate Accession Number or Study Instance
     * UID, or a status change out of a final status.
     */
    CONFLICT
  }

  private final Kind kind;

  public WorklistException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  static WorklistException invalid(String message) {
    return new WorklistException(Kind.INVALID, message);
  }

  static WorklistException notFound(String id) {
    return new WorklistException(Kind.NOT_FOUND, "No worklist item " + id);
  }

  static WorklistException conflict(String message) {
    return new WorklistException(Kind.CONFLICT, message);
  }
}
