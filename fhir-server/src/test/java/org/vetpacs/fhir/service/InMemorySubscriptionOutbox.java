package org.vetpacs.fhir.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link SubscriptionOutbox} in memory, for tests. */
class InMemorySubscriptionOutbox implements SubscriptionOutbox {

  final Map<String, OutboxEntry> entries = new LinkedHashMap<>();
  final List<DeliveryAttempt> log = new ArrayList<>();

  @Override
  public synchronized boolean enqueue(OutboxEntry e) {
    boolean waiting = entries.values().stream().anyMatch(x -> x.state() == OutboxEntry.State.PENDING
        && x.subscriptionId().equals(e.subscriptionId()) && x.reference().equals(e.reference())
        && x.version() == e.version());
    if (!waiting) {
      entries.put(e.id(), e);
    }
    return !waiting;
  }

  @Override
  public synchronized List<OutboxEntry> due(Instant now, int limit) {
    return entries.values().stream().filter(e -> e.state() == OutboxEntry.State.PENDING
            && !e.nextAttemptAt().isAfter(now))
        .sorted(Comparator.comparing(OutboxEntry::nextAttemptAt)).limit(limit).toList();
  }

  @Override
  public synchronized boolean claim(OutboxEntry e) {
    OutboxEntry cur = entries.get(e.id());
    if (cur == null || cur.state() != OutboxEntry.State.PENDING) {
      return false;
    }
    entries.put(e.id(), cur.with(OutboxEntry.State.SENDING, cur.failures(), cur.nextAttemptAt(),
        cur.lastError()));
    return true;
  }

  @Override
  public synchronized void save(OutboxEntry e) {
    entries.put(e.id(), e);
  }

  @Override
  public synchronized int recover() {
    int n = 0;
    for (OutboxEntry e : List.copyOf(entries.values())) {
      if (e.state() == OutboxEntry.State.SENDING) {
        entries.put(e.id(), e.with(OutboxEntry.State.PENDING, e.failures(), e.nextAttemptAt(),
            e.lastError()));
        n++;
      }
    }
    return n;
  }

  @Override
  public synchronized void log(DeliveryAttempt a) {
    log.add(a);
  }

  @Override
  public synchronized List<DeliveryAttempt> attempts(String subscriptionId, int limit) {
    List<DeliveryAttempt> l = new ArrayList<>(log.stream()
        .filter(a -> a.subscriptionId().equals(subscriptionId)).toList());
    java.util.Collections.reverse(l);
    return l.stream().limit(limit).toList();
  }

  @Override
  public synchronized List<OutboxEntry> entries(String subscriptionId, int limit) {
    return entries.values().stream().filter(e -> e.subscriptionId().equals(subscriptionId))
        .limit(limit).toList();
  }
}
