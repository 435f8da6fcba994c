package org.vetpacs.dicomweb.lifecycle;

/**
 * A lifecycle request (DELETE) that cannot be carried out, with the reason that decides the HTTP
 * status; the edge maps {@link Reason} to a status in one place.
 */
public class LifecycleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a lifecycle request failed; each maps to one status code. */
  public enum Reason {
    /** DELETE is switched off by configuration: 405 Method Not Allowed, with an Allow header. */
    DISABLED,
    /** No such study, series or instance: 404 Not Found. */
    NOT_FOUND
  }

  private final Reason reason;
  private final String allow;

  private LifecycleException(Reason reason, String message, String allow) {
    super(message);
    this.reason = reason;
    this.allow = allow;
  }

  public Reason reason() {
    return reason;
  }

  /** The methods the resource does allow (RFC 9110 10.2.1), for {@link Reason#DISABLED}. */
  public String allow() {
    return allow;
  }

  static LifecycleException disabled(String message, String allow) {
    return new LifecycleException(Reason.DISABLED, message, allow);
  }

  static LifecycleException notFound(String message) {
    return new LifecycleException(Reason.NOT_FOUND, message, null);
  }
}
