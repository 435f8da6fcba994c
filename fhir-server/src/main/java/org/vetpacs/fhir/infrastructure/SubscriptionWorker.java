package org.vetpacs.fhir.infrastructure;

import ca.uhn.fhir.context.FhirContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.vetpacs.dicomweb.infrastructure.IndexDatabase;
import org.vetpacs.fhir.service.Backoff;
import org.vetpacs.fhir.service.FhirResourceChanged;
import org.vetpacs.fhir.service.ImagingStudyService;
import org.vetpacs.fhir.service.OutboxEntry;
import org.vetpacs.fhir.service.SubscriptionDelivery;
import org.vetpacs.fhir.service.SubscriptionMatcher;
import org.vetpacs.fhir.service.SubscriptionOutbox;
import org.vetpacs.fhir.service.SubscriptionService;

/**
 * Runs subscription notifications: queues the matches of every {@link FhirResourceChanged} in the
 * outbox (in the storing thread, after the write; a failure here is logged and never fails the
 * write), and delivers due entries from a bounded pool ({@code vetpacs.subscriptions.workers}
 * threads, polled every {@code vetpacs.subscriptions.poll-interval}). On start-up, entries a
 * stopped server was sending are set back to pending, and everything pending is delivered: the
 * outbox is in MongoDB, so neither a restart nor a receiver that is down loses a notification.
 */
@ApplicationScoped
public class SubscriptionWorker {

  private static final Logger LOG = Logger.getLogger(SubscriptionWorker.class.getName());

  @Inject FhirContext ctx;
  @Inject SubscriptionService subscriptions;
  @Inject ImagingStudyService studies;
  @Inject MongoFhirResourceStore store;
  @Inject SubscriptionOutbox outbox;
  @Inject IndexDatabase index;

  @Inject
  @ConfigProperty(name = "vetpacs.subscriptions.retry-initial", defaultValue = "1s")
  String retryInitial;

  @Inject
  @ConfigProperty(name = "vetpacs.subscriptions.retry-max", defaultValue = "10m")
  String retryMax;

  @Inject
  @ConfigProperty(name = "vetpacs.subscriptions.max-attempts", defaultValue = "20")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "vetpacs.subscriptions.max-age", defaultValue = "24h")
  String maxAge;

  @Inject
  @ConfigProperty(name = "vetpacs.subscriptions.workers", defaultValue = "2")
  int workers;

  @Inject
  @ConfigProperty(name = "vetpacs.subscriptions.poll-interval", defaultValue = "500ms")
  String pollInterval;

  @Inject
  @ConfigProperty(name = "vetpacs.subscriptions.timeout", defaultValue = "10s")
  String timeout;

  private volatile SubscriptionDelivery delivery;
  private ScheduledExecutorService poller;
  private ExecutorService pool;
  private final AtomicInteger inFlight = new AtomicInteger();

  private synchronized SubscriptionDelivery delivery() {
    if (delivery == null) {
      Backoff backoff = new Backoff(Backoff.parseDuration(retryInitial),
          Backoff.parseDuration(retryMax), maxAttempts, Backoff.parseDuration(maxAge));
      Duration requestTimeout = Backoff.parseDuration(timeout);
      HttpClient http = HttpClient.newBuilder().connectTimeout(requestTimeout)
          .followRedirects(HttpClient.Redirect.NEVER).build();
      SubscriptionDelivery.Transport transport = (endpoint, headers, type, body) ->
          post(http, requestTimeout, endpoint, headers, type, body);
      SubscriptionDelivery.Payloads payloads = (type, id, version) -> payload(type, id, version);
      delivery = new SubscriptionDelivery(subscriptions, new SubscriptionMatcher(store, studies),
          outbox, payloads, transport, backoff, Clock.systemUTC());
    }
    return delivery;
  }

  void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
    delivery();
    ensureIndexes();
    int recovered = outbox.recover();
    if (recovered > 0) {
      LOG.info(() -> recovered + " subscription notification(s) interrupted by a stop are pending again");
    }
    int threads = Math.max(1, workers);
    pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "subscription-delivery");
      t.setDaemon(true);
      return t;
    });
    poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "subscription-outbox-poll");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(50, Backoff.parseDuration(pollInterval).toMillis());
    poller.scheduleWithFixedDelay(() -> poll(threads), every, every, TimeUnit.MILLISECONDS);
  }

  /** The outbox's query paths: due entries, the coalescing check, the delivery log. */
  private void ensureIndexes() {
    try {
      MongoDatabase db = index.client().getDatabase(index.database());
      db.getCollection("subscription_outbox")
          .createIndex(Indexes.ascending("state", "nextAttemptAt"));
      db.getCollection("subscription_outbox").createIndex(
          Indexes.ascending("subscriptionId", "resourceType", "resourceId", "version", "state"));
      db.getCollection("subscription_deliveries")
          .createIndex(Indexes.ascending("subscriptionId", "at"));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not create the subscription outbox indexes", e);
    }
  }

  void changed(@Observes FhirResourceChanged event) {
    try {
      delivery().changed(event);
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "Could not queue subscription notifications for "
          + event.reference(), e);
    }
  }

  private void poll(int threads) {
    try {
      int free = threads - inFlight.get();
      if (free <= 0) {
        return;
      }
      List<OutboxEntry> claimed = delivery().claimDue(free);
      for (OutboxEntry e : claimed) {
        inFlight.incrementAndGet();
        pool.submit(() -> {
          try {
            delivery().deliver(e);
          } catch (RuntimeException | LinkageError ex) {
            LOG.log(Level.WARNING, "Delivery of outbox entry " + e.id() + " failed", ex);
            outbox.save(e.with(OutboxEntry.State.PENDING, e.failures(),
                java.time.Instant.now().plusSeconds(60), String.valueOf(ex.getMessage())));
          } finally {
            inFlight.decrementAndGet();
          }
        });
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "Subscription outbox poll failed", e);
    }
  }

  private Optional<String> payload(String type, String id, long version) {
    if ("ImagingStudy".equals(type)) {
      return studies.read(id).map(s -> ctx.newJsonParser().encodeResourceToString(s));
    }
    return (version > 0 ? store.readVersion(type, id, version) : store.read(type, id))
        .map(r -> r.json());
  }

  private static int post(HttpClient http, Duration timeout, URI endpoint, List<String> headers,
      String type, byte[] body) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(timeout)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    for (String h : headers) {
      int colon = h.indexOf(':');
      b.header(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @PreDestroy
  void stop() {
    if (poller != null) {
      poller.shutdownNow();
    }
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
