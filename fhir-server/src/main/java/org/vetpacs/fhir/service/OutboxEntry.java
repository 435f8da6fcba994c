package org.vetpacs.fhir.service;

import java.time.Instant;

/**
 * One notification waiting in (or done with) the subscription outbox: which subscription is told
 * about which resource version, and where its delivery stands.
 *
 * @param id the entry id (a UUID)
 * @param subscriptionId the Subscription id
 * @param resourceType the changed resource's type
 * @param resourceId its id
 * @param version the version that triggered it (0 for the ImagingStudy projection, so changes of
 *     one study coalesce into one pending entry)
 * @param state where the delivery stands
 * @param failures failed attempts so far
 * @param queuedAt when it was queued
 * @param nextAttemptAt when it is due (for {@link State#PENDING})
 * @param lastError the last failure, or {@code null}
 */
public record OutboxEntry(String id, String subscriptionId, String resourceType, String resourceId,
    long version, State state, int failures, Instant queuedAt, Instant nextAttemptAt,
    String lastError) {

  /** Where a delivery stands. */
  public enum State {
    /** Waiting until {@code nextAttemptAt}. */
    PENDING,
    /** Claimed by the worker; set back to PENDING on start-up if the server stopped meanwhile. */
    SENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Given up after the backoff's attempts or age. */
    FAILED,
    /** The subscription was switched off or deleted before delivery. */
    CANCELLED
  }

  /**
   * The relative reference of the resource.
   *
   * @return e.g. {@code DiagnosticReport/123}
   */
  public String reference() {
    return resourceType + "/" + resourceId;
  }

  /**
   * A copy in another state.
   *
   * @param s the state
   * @param failures failures so far
   * @param next the next attempt or {@code null}
   * @param error the last error or {@code null}
   * @return the copy
   */
  public OutboxEntry with(State s, int failures, Instant next, String error) {
    return new OutboxEntry(id, subscriptionId, resourceType, resourceId, version, s, failures,
        queuedAt, next, error);
  }
}
