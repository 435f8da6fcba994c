package org.vetpacs.fhir.infrastructure;

import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jnosql.databases.mongodb.mapping.MongoDBTemplate;
import org.vetpacs.fhir.service.DeliveryAttempt;
import org.vetpacs.fhir.service.OutboxEntry;
import org.vetpacs.fhir.service.SearchKeys;
import org.vetpacs.fhir.service.SubscriptionOutbox;

/**
 * {@link SubscriptionOutbox} in MongoDB through JNoSQL: {@code subscription_outbox} and {@code
 * subscription_deliveries}. Enqueue-if-none-pending and claim are check-then-write under this
 * node's lock: right for one node; several nodes would claim with leases (a conditional update),
 * see ARCHITECTURE.md "Scale-out".
 */
@ApplicationScoped
public class MongoSubscriptionOutbox implements SubscriptionOutbox {

  private MongoDBTemplate template;

  protected MongoSubscriptionOutbox() {}

  @Inject
  public MongoSubscriptionOutbox(MongoDBTemplate template) {
    this.template = template;
  }

  @Override
  public synchronized boolean enqueue(OutboxEntry e) {
    long waiting = template.count(OutboxRecord.class, Filters.and(
        Filters.eq("subscriptionId", e.subscriptionId()),
        Filters.eq("resourceType", e.resourceType()),
        Filters.eq("resourceId", e.resourceId()),
        Filters.eq("version", e.version()),
        Filters.eq("state", OutboxEntry.State.PENDING.name())));
    if (waiting > 0) {
      return false;
    }
    template.insert(record(e));
    return true;
  }

  @Override
  public List<OutboxEntry> due(Instant now, int limit) {
    try (Stream<OutboxRecord> found = template.select(OutboxRecord.class, Filters.and(
        Filters.eq("state", OutboxEntry.State.PENDING.name()),
        Filters.lte("nextAttemptAt", SearchKeys.instant(now))))) {
      return found.map(MongoSubscriptionOutbox::entry)
          .sorted((a, b) -> a.nextAttemptAt().compareTo(b.nextAttemptAt()))
          .limit(limit)
          .collect(Collectors.toCollection(ArrayList::new));
    }
  }

  @Override
  public synchronized boolean claim(OutboxEntry e) {
    Optional<OutboxRecord> current = template.find(OutboxRecord.class, e.id());
    if (current.isEmpty() || !OutboxEntry.State.PENDING.name().equals(current.get().getState())) {
      return false;
    }
    OutboxRecord r = current.get();
    r.setState(OutboxEntry.State.SENDING.name());
    template.update(r);
    return true;
  }

  @Override
  public synchronized void save(OutboxEntry e) {
    template.update(record(e));
  }

  @Override
  public synchronized int recover() {
    List<OutboxRecord> sending;
    try (Stream<OutboxRecord> found = template.select(OutboxRecord.class,
        Filters.eq("state", OutboxEntry.State.SENDING.name()))) {
      sending = found.collect(Collectors.toCollection(ArrayList::new));
    }
    for (OutboxRecord r : sending) {
      r.setState(OutboxEntry.State.PENDING.name());
      template.update(r);
    }
    return sending.size();
  }

  @Override
  public void log(DeliveryAttempt a) {
    DeliveryAttemptRecord r = new DeliveryAttemptRecord();
    r.setId(a.id());
    r.setSubscriptionId(a.subscriptionId());
    r.setEntryId(a.entryId());
    r.setResource(a.resource());
    r.setAt(SearchKeys.instant(a.at()));
    r.setHttpStatus(a.httpStatus());
    r.setError(a.error());
    r.setOutcome(a.outcome());
    r.setNextAttemptAt(a.nextAttemptAt() == null ? null : SearchKeys.instant(a.nextAttemptAt()));
    template.insert(r);
  }

  @Override
  public List<DeliveryAttempt> attempts(String subscriptionId, int limit) {
    try (Stream<DeliveryAttemptRecord> found = template.select(DeliveryAttemptRecord.class,
        Filters.eq("subscriptionId", subscriptionId))) {
      return found.map(r -> new DeliveryAttempt(r.getId(), r.getSubscriptionId(), r.getEntryId(),
              r.getResource(), Instant.parse(r.getAt()), r.getHttpStatus(), r.getError(),
              r.getOutcome(), r.getNextAttemptAt() == null ? null : Instant.parse(r.getNextAttemptAt())))
          .sorted((a, b) -> b.at().compareTo(a.at()))
          .limit(limit)
          .collect(Collectors.toCollection(ArrayList::new));
    }
  }

  @Override
  public List<OutboxEntry> entries(String subscriptionId, int limit) {
    try (Stream<OutboxRecord> found = template.select(OutboxRecord.class,
        Filters.eq("subscriptionId", subscriptionId))) {
      return found.map(MongoSubscriptionOutbox::entry)
          .sorted((a, b) -> b.queuedAt().compareTo(a.queuedAt()))
          .limit(limit)
          .collect(Collectors.toCollection(ArrayList::new));
    }
  }

  private static OutboxRecord record(OutboxEntry e) {
    OutboxRecord r = new OutboxRecord();
    r.setId(e.id());
    r.setSubscriptionId(e.subscriptionId());
    r.setResourceType(e.resourceType());
    r.setResourceId(e.resourceId());
    r.setVersion(e.version());
    r.setState(e.state().name());
    r.setFailures(e.failures());
    r.setQueuedAt(SearchKeys.instant(e.queuedAt()));
    r.setNextAttemptAt(e.nextAttemptAt() == null ? null : SearchKeys.instant(e.nextAttemptAt()));
    r.setLastError(e.lastError());
    return r;
  }

  private static OutboxEntry entry(OutboxRecord r) {
    return new OutboxEntry(r.getId(), r.getSubscriptionId(), r.getResourceType(),
        r.getResourceId(), r.getVersion(), OutboxEntry.State.valueOf(r.getState()),
        r.getFailures(), Instant.parse(r.getQueuedAt()),
        r.getNextAttemptAt() == null ? null : Instant.parse(r.getNextAttemptAt()),
        r.getLastError());
  }
}
