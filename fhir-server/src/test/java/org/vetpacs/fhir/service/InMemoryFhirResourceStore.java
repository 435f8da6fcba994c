package org.vetpacs.fhir.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link FhirResourceStore} in memory with the semantics of the MongoDB one, for unit tests. */
class InMemoryFhirResourceStore implements FhirResourceStore {

  final Map<String, StoredResource> current = new LinkedHashMap<>();
  final Map<String, StoredResource> history = new LinkedHashMap<>();

  @Override
  public synchronized void create(StoredResource r) {
    if (current.containsKey(r.type() + "/" + r.id())) {
      throw new ConcurrentVersionException("exists");
    }
    history.put(r.type() + "/" + r.id() + "/" + r.version(), r);
    current.put(r.type() + "/" + r.id(), r);
  }

  @Override
  public synchronized void update(StoredResource r) {
    if (history.putIfAbsent(r.type() + "/" + r.id() + "/" + r.version(), r) != null) {
      throw new ConcurrentVersionException("version exists");
    }
    current.put(r.type() + "/" + r.id(), r);
  }

  @Override
  public Optional<StoredResource> read(String type, String id) {
    return Optional.ofNullable(current.get(type + "/" + id));
  }

  @Override
  public Optional<StoredResource> readVersion(String type, String id, long version) {
    return Optional.ofNullable(history.get(type + "/" + id + "/" + version));
  }

  @Override
  public List<StoredResource> history(String type, String id) {
    return history.values().stream().filter(r -> r.type().equals(type) && r.id().equals(id))
        .sorted(Comparator.comparingLong(StoredResource::version).reversed()).toList();
  }

  @Override
  public List<StoredResource> search(StoreQuery q, int offset, int limit) {
    List<StoredResource> all = new ArrayList<>(current.values().stream()
        .filter(r -> matches(q, r)).toList());
    Comparator<StoredResource> order = q.sort() == StoreQuery.Sort.DATE
        ? Comparator.comparing(StoredResource::date, Comparator.nullsFirst(Comparator.naturalOrder()))
        : Comparator.comparing(StoredResource::lastUpdated);
    all.sort(q.descending() ? order.reversed() : order);
    return all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
  }

  @Override
  public long count(StoreQuery q) {
    return current.values().stream().filter(r -> matches(q, r)).count();
  }

  private static boolean matches(StoreQuery q, StoredResource r) {
    if (!r.type().equals(q.type())) {
      return false;
    }
    for (StoreQuery.Condition c : q.conditions()) {
      boolean ok;
      if (c instanceof StoreQuery.AnyKey k) {
        ok = r.keys().stream().anyMatch(k.keys()::contains);
      } else if (c instanceof StoreQuery.KeyPrefix p) {
        ok = r.keys().stream().anyMatch(key -> p.prefixes().stream().anyMatch(key::startsWith));
      } else if (c instanceof StoreQuery.DateRange d) {
        ok = r.date() != null
            && (d.from() == null || r.date().compareTo(d.from()) >= 0)
            && (d.to() == null || r.date().compareTo(d.to()) <= 0);
      } else {
        ok = ((StoreQuery.IdIn) c).ids().contains(r.id());
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
