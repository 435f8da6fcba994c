package org.vetpacs.fhir.service;

import java.time.Instant;
import java.util.List;

/**
 * The persistent outbox of subscription notifications and their delivery log. An entry is written
 * when a change matches a subscription (in the thread that stored the change) and delivered later
 * by the worker; a server that stops finds its pending entries again on start-up.
 */
public interface SubscriptionOutbox {

  /**
   * Queues an entry unless a PENDING entry for the same subscription, resource and version exists
   * (coalescing: a 200-slice CT queues one ImagingStudy notification, not 200).
   *
   * @param entry the new entry (state PENDING)
   * @return true when queued, false when coalesced into the waiting one
   */
  boolean enqueue(OutboxEntry entry);

  /**
   * PENDING entries due at {@code now}, oldest first.
   *
   * @param now now
   * @param limit most entries
   * @return the entries
   */
  List<OutboxEntry> due(Instant now, int limit);

  /**
   * Claims a PENDING entry for delivery (PENDING to SENDING), so no second worker takes it.
   *
   * @param entry the entry
   * @return true when this caller got it
   */
  boolean claim(OutboxEntry entry);

  /**
   * Stores the entry's new state.
   *
   * @param entry the entry
   */
  void save(OutboxEntry entry);

  /**
   * Sets every SENDING entry back to PENDING (start-up: deliveries cut off by a stop are retried).
   *
   * @return how many
   */
  int recover();

  /**
   * Appends to the delivery log.
   *
   * @param attempt the attempt
   */
  void log(DeliveryAttempt attempt);

  /**
   * The delivery log of a subscription, newest first.
   *
   * @param subscriptionId the Subscription id
   * @param limit most attempts
   * @return the attempts
   */
  List<DeliveryAttempt> attempts(String subscriptionId, int limit);

  /**
   * The outbox entries of a subscription, newest first.
   *
   * @param subscriptionId the Subscription id
   * @param limit most entries
   * @return the entries
   */
  List<OutboxEntry> entries(String subscriptionId, int limit);
}
