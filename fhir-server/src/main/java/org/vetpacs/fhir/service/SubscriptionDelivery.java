package org.vetpacs.fhir.service;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;

/**
 * Notifications of FHIR R4 rest-hook subscriptions through the persistent outbox.
 *
 * <ol>
 *   <li>{@link #changed}: a stored change is matched against the active subscriptions of its type
 *       ({@link SubscriptionMatcher}); each match becomes an outbox entry (coalesced per
 *       subscription, resource and version).
 *   <li>{@link #deliver}: one attempt, by the background worker: POST to {@code
 *       channel.endpoint} with the {@code channel.header} values; the body is the resource when
 *       {@code channel.payload} is {@code application/fhir+json}, empty when it is absent (R4
 *       subscription.html, "rest-hook"). A 2xx answer delivers; anything else is retried after the
 *       {@link Backoff}; when it gives up, the entry is FAILED and the subscription goes to {@code
 *       error} with the reason.
 * </ol>
 *
 * Every attempt is logged for the operator. Delivery is at least once: a receiver may get a
 * notification twice when the server stopped between its POST and recording the answer.
 */
public class SubscriptionDelivery {

  private static final Logger LOG = Logger.getLogger(SubscriptionDelivery.class.getName());

  /** Sends one notification. */
  public interface Transport {
    /**
     * POSTs a notification.
     *
     * @param endpoint the receiver
     * @param headers {@code Name: value} lines
     * @param contentType the body's type, or {@code null} for an empty body
     * @param body the body (empty for none)
     * @return the HTTP status
     * @throws IOException when there was no answer
     */
    int post(URI endpoint, List<String> headers, String contentType, byte[] body)
        throws IOException;
  }

  /** The current JSON of a resource version, for the payload. */
  public interface Payloads {
    /**
     * The resource as FHIR JSON.
     *
     * @param type the type
     * @param id the id
     * @param version the version (0: the current projection)
     * @return the JSON or empty when it no longer exists
     */
    Optional<String> json(String type, String id, long version);
  }

  private final SubscriptionService subscriptions;
  private final SubscriptionMatcher matcher;
  private final SubscriptionOutbox outbox;
  private final Payloads payloads;
  private final Transport transport;
  private final Backoff backoff;
  private final Clock clock;

  /**
   * Creates the delivery.
   *
   * @param subscriptions the subscriptions
   * @param matcher the matcher
   * @param outbox the outbox
   * @param payloads the payload source
   * @param transport the HTTP transport
   * @param backoff the retry policy
   * @param clock the clock
   */
  public SubscriptionDelivery(SubscriptionService subscriptions, SubscriptionMatcher matcher,
      SubscriptionOutbox outbox, Payloads payloads, Transport transport, Backoff backoff,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.matcher = matcher;
    this.outbox = outbox;
    this.payloads = payloads;
    this.transport = transport;
    this.backoff = backoff;
    this.clock = clock;
  }

  /**
   * Queues the notifications of a change.
   *
   * @param event the change
   * @return the entries queued (coalesced ones not counted)
   */
  public int changed(FhirResourceChanged event) {
    if ("Subscription".equals(event.type())
        || !SubscriptionCriteria.supportedTypes().contains(event.type())) {
      return 0;
    }
    int queued = 0;
    for (Subscription s : subscriptions.activeFor(event.type())) {
      SubscriptionCriteria criteria;
      try {
        criteria = SubscriptionCriteria.parse(subscriptions.ctx, s.getCriteria());
      } catch (RuntimeException e) {
        continue; // checked when stored; a rule that changed since is not a reason to fail
      }
      if (matcher.matches(criteria, event.type(), event.id())) {
        Instant now = clock.instant();
        OutboxEntry entry = new OutboxEntry(UUID.randomUUID().toString(),
            s.getIdElement().getIdPart(), event.type(), event.id(), event.version(),
            OutboxEntry.State.PENDING, 0, now, now, null);
        if (outbox.enqueue(entry)) {
          queued++;
        }
      }
    }
    return queued;
  }

  /**
   * Claims the entries due now.
   *
   * @param limit most entries
   * @return the claimed entries, to {@link #deliver}
   */
  public List<OutboxEntry> claimDue(int limit) {
    List<OutboxEntry> claimed = new ArrayList<>();
    for (OutboxEntry e : outbox.due(clock.instant(), limit)) {
      if (outbox.claim(e)) {
        claimed.add(e.with(OutboxEntry.State.SENDING, e.failures(), e.nextAttemptAt(),
            e.lastError()));
      }
    }
    return claimed;
  }

  /**
   * One delivery attempt of a claimed entry.
   *
   * @param entry the entry
   * @return the entry's new state
   */
  public OutboxEntry deliver(OutboxEntry entry) {
    Optional<Subscription> found = subscriptions.find(entry.subscriptionId());
    if (found.isEmpty() || found.get().getStatus() == SubscriptionStatus.OFF) {
      return finish(entry, entry.with(OutboxEntry.State.CANCELLED, entry.failures(), null,
          "subscription is off"), null, "cancelled");
    }
    Subscription s = found.get();
    String payload = s.getChannel().getPayload();
    String contentType = null;
    byte[] body = new byte[0];
    if (payload != null && !payload.isBlank()) {
      Optional<String> json =
          payloads.json(entry.resourceType(), entry.resourceId(), entry.version());
      if (json.isEmpty()) {
        return finish(entry, entry.with(OutboxEntry.State.CANCELLED, entry.failures(), null,
            entry.reference() + " no longer exists"), null, "cancelled");
      }
      contentType = payload;
      body = json.get().getBytes(StandardCharsets.UTF_8);
    }
    List<String> headers = s.getChannel().getHeader().stream().map(h -> h.getValue()).toList();
    Integer status = null;
    String error;
    try {
      status = transport.post(URI.create(s.getChannel().getEndpoint()), headers, contentType, body);
      if (status >= 200 && status < 300) {
        return finish(entry, entry.with(OutboxEntry.State.DELIVERED, entry.failures(), null,
            null), status, "delivered");
      }
      error = "HTTP " + status;
    } catch (IOException | RuntimeException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    int failures = entry.failures() + 1;
    Instant now = clock.instant();
    if (backoff.givesUp(failures, entry.queuedAt(), now)) {
      OutboxEntry failed = entry.with(OutboxEntry.State.FAILED, failures, null, error);
      finish(entry, failed, status, "failed");
      subscriptions.markError(entry.subscriptionId(), "Notification of " + entry.reference()
          + " failed " + failures + " times; last: " + error);
      return failed;
    }
    return finish(entry, entry.with(OutboxEntry.State.PENDING, failures,
        now.plus(backoff.delayAfter(failures)), error), status, "retry");
  }

  private OutboxEntry finish(OutboxEntry before, OutboxEntry after, Integer status,
      String outcome) {
    outbox.save(after);
    String resource = before.reference()
        + (before.version() > 0 ? "/_history/" + before.version() : "");
    try {
      outbox.log(new DeliveryAttempt(UUID.randomUUID().toString(), before.subscriptionId(),
          before.id(), resource, clock.instant(), status, after.lastError(), outcome,
          after.state() == OutboxEntry.State.PENDING ? after.nextAttemptAt() : null));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not log a delivery attempt of Subscription/"
          + before.subscriptionId(), e);
    }
    return after;
  }
}
