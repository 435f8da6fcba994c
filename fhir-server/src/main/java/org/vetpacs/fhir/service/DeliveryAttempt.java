package org.vetpacs.fhir.service;

import java.time.Instant;

/**
 * One attempt to deliver a notification, as the operator sees it in the delivery log.
 *
 * @param id the attempt id
 * @param subscriptionId the Subscription id
 * @param entryId the outbox entry
 * @param resource the resource notified about, e.g. {@code DiagnosticReport/123/_history/2}
 * @param at when the attempt was made
 * @param httpStatus the receiver's HTTP status, or {@code null} when there was no answer
 * @param error what went wrong, or {@code null} on success
 * @param outcome {@code delivered}, {@code retry}, {@code failed} or {@code cancelled}
 * @param nextAttemptAt the next attempt, or {@code null} when none follows
 */
public record DeliveryAttempt(String id, String subscriptionId, String entryId, String resource,
    Instant at, Integer httpStatus, String error, String outcome, Instant nextAttemptAt) {}
