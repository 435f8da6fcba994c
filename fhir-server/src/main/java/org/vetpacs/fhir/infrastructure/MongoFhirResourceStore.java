package org.vetpacs.fhir.infrastructure;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.conversions.Bson;
import org.eclipse.jnosql.databases.mongodb.mapping.MongoDBTemplate;
import org.vetpacs.fhir.service.FhirResourceChanged;
import org.vetpacs.fhir.service.FhirResourceStore;
import org.vetpacs.fhir.service.StoreQuery;
import org.vetpacs.fhir.service.StoredResource;

/** {@link FhirResourceStore} on MongoDB through JNoSQL ({@code fhir_resources}, {@code fhir_history}). */
@ApplicationScoped
public class MongoFhirResourceStore implements FhirResourceStore {

  private MongoDBTemplate template;
  private Event<FhirResourceChanged> changed;

  protected MongoFhirResourceStore() {}

  @Inject
  public MongoFhirResourceStore(MongoDBTemplate template, Event<FhirResourceChanged> changed) {
    this.template = template;
    this.changed = changed;
  }

  @Override
  public void create(StoredResource r) {
    insertHistory(r);
    try {
      template.insert(current(r));
    } catch (RuntimeException e) {
      if (isDuplicateKey(e)) {
        throw new ConcurrentVersionException(r.type() + "/" + r.id() + " exists");
      }
      throw e;
    }
    changed.fire(new FhirResourceChanged(r.type(), r.id(), r.version(), true));
  }

  @Override
  public void update(StoredResource r) {
    try {
      insertHistory(r);
    } catch (ConcurrentVersionException e) {
      // An orphan version left by a crash between the two writes: promote it, then report.
      Optional<StoredResource> current = read(r.type(), r.id());
      if (current.isPresent() && current.get().version() == r.version() - 1) {
        readVersion(r.type(), r.id(), r.version()).ifPresent(v -> template.update(current(v)));
      }
      throw e;
    }
    template.update(current(r));
    changed.fire(new FhirResourceChanged(r.type(), r.id(), r.version(), false));
  }

  private void insertHistory(StoredResource r) {
    FhirHistoryRecord h = new FhirHistoryRecord();
    h.setKey(r.type() + "/" + r.id() + "/" + r.version());
    h.setResourceType(r.type());
    h.setResourceId(r.id());
    h.setVersionId(r.version());
    h.setLastUpdated(r.lastUpdated().toString());
    h.setJson(r.json());
    h.setKeys(new ArrayList<>(r.keys()));
    h.setDate(r.date());
    try {
      template.insert(h);
    } catch (RuntimeException e) {
      if (isDuplicateKey(e)) {
        throw new ConcurrentVersionException(h.getKey() + " exists");
      }
      throw e;
    }
  }

  private static FhirResourceRecord current(StoredResource r) {
    FhirResourceRecord c = new FhirResourceRecord();
    c.setKey(r.type() + "/" + r.id());
    c.setResourceType(r.type());
    c.setResourceId(r.id());
    c.setVersionId(r.version());
    c.setLastUpdated(r.lastUpdated().toString());
    c.setJson(r.json());
    c.setKeys(new ArrayList<>(r.keys()));
    c.setDate(r.date());
    return c;
  }

  @Override
  public Optional<StoredResource> read(String type, String id) {
    return template.find(FhirResourceRecord.class, type + "/" + id).map(MongoFhirResourceStore::of);
  }

  @Override
  public Optional<StoredResource> readVersion(String type, String id, long version) {
    return template.find(FhirHistoryRecord.class, type + "/" + id + "/" + version)
        .map(MongoFhirResourceStore::of);
  }

  @Override
  public List<StoredResource> history(String type, String id) {
    try (Stream<FhirHistoryRecord> found = template.select(FhirHistoryRecord.class,
        Filters.and(Filters.eq("resourceType", type), Filters.eq("resourceId", id)))) {
      return found.map(MongoFhirResourceStore::of)
          .sorted((a, b) -> Long.compare(b.version(), a.version()))
          .collect(Collectors.toCollection(ArrayList::new));
    }
  }

  @Override
  public List<StoredResource> search(StoreQuery query, int offset, int limit) {
    List<Bson> pipeline = new ArrayList<>();
    pipeline.add(Aggregates.match(filter(query)));
    String field = query.sort() == StoreQuery.Sort.DATE ? "date" : "lastUpdated";
    pipeline.add(Aggregates.sort(query.descending()
        ? Sorts.orderBy(Sorts.descending(field), Sorts.ascending("_id"))
        : Sorts.orderBy(Sorts.ascending(field), Sorts.ascending("_id"))));
    if (offset > 0) {
      pipeline.add(Aggregates.skip(offset));
    }
    pipeline.add(Aggregates.limit(Math.max(1, limit)));
    try (Stream<FhirResourceRecord> found = template.aggregate(FhirResourceRecord.class, pipeline)) {
      return found.map(MongoFhirResourceStore::of).collect(Collectors.toCollection(ArrayList::new));
    }
  }

  @Override
  public long count(StoreQuery query) {
    return template.count(FhirResourceRecord.class, filter(query));
  }

  static Bson filter(StoreQuery query) {
    List<Bson> all = new ArrayList<>();
    all.add(Filters.eq("resourceType", query.type()));
    for (StoreQuery.Condition c : query.conditions()) {
      if (c instanceof StoreQuery.AnyKey k) {
        all.add(Filters.in("keys", k.keys()));
      } else if (c instanceof StoreQuery.KeyPrefix p) {
        all.add(Filters.or(p.prefixes().stream()
            .map(x -> Filters.regex("keys", "^" + Pattern.quote(x)))
            .toList()));
      } else if (c instanceof StoreQuery.DateRange d) {
        if (d.from() != null) {
          all.add(Filters.gte("date", d.from()));
        }
        if (d.to() != null) {
          all.add(Filters.lte("date", d.to()));
        }
        if (d.from() == null && d.to() == null) {
          all.add(Filters.ne("date", null));
        }
      } else if (c instanceof StoreQuery.IdIn ids) {
        all.add(Filters.in("resourceId", ids.ids()));
      }
    }
    return Filters.and(all);
  }

  private static StoredResource of(FhirResourceRecord r) {
    return new StoredResource(r.getResourceType(), r.getResourceId(), r.getVersionId(),
        Instant.parse(r.getLastUpdated()), r.getJson(), r.getKeys(), r.getDate());
  }

  private static StoredResource of(FhirHistoryRecord r) {
    return new StoredResource(r.getResourceType(), r.getResourceId(), r.getVersionId(),
        Instant.parse(r.getLastUpdated()), r.getJson(), r.getKeys(), r.getDate());
  }

  private static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MongoWriteException write
          && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return true;
      }
    }
    return false;
  }
}
