package org.vetpacs.dicomweb.worklist.infrastructure;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.conversions.Bson;
import org.eclipse.jnosql.databases.mongodb.mapping.MongoDBTemplate;
import org.vetpacs.dicomweb.worklist.WorklistException;
import org.vetpacs.dicomweb.worklist.WorklistItem;
import org.vetpacs.dicomweb.worklist.WorklistQuery;
import org.vetpacs.dicomweb.worklist.WorklistRepository;

/**
 * The worklist in the MongoDB {@code worklist} collection, through Eclipse JNoSQL. A query's exact,
 * list and range conditions become a MongoDB filter (served by the indexes of {@code
 * infrastructure.MongoIndexes}); the service applies the remaining rules to what comes back.
 */
@ApplicationScoped
public class MongoWorklistRepository implements WorklistRepository {

  private MongoDBTemplate template;

  protected MongoWorklistRepository() {}

  @Inject
  public MongoWorklistRepository(MongoDBTemplate template) {
    this.template = template;
  }

  @Override
  public void insert(WorklistItem item) {
    try {
      template.insert(item);
    } catch (RuntimeException e) {
      if (isDuplicateKey(e)) {
        throw new WorklistException(
            WorklistException.Kind.CONFLICT,
            "AccessionNumber "
                + item.getAccessionNumber()
                + " or StudyInstanceUID "
                + item.getStudyInstanceUid()
                + " is already in the worklist");
      }
      throw e;
    }
  }

  @Override
  public void update(WorklistItem item) {
    template.update(item);
  }

  @Override
  public Optional<WorklistItem> findById(String id) {
    return template.find(WorklistItem.class, id);
  }

  @Override
  public Optional<WorklistItem> findByOrderId(String orderId) {
    try (Stream<WorklistItem> found =
        template.select(WorklistItem.class, Filters.eq("orderId", orderId))) {
      return found.findFirst();
    }
  }

  @Override
  public boolean existsByAccessionNumber(String accessionNumber) {
    return template.count(WorklistItem.class, Filters.eq("accessionNumber", accessionNumber)) > 0;
  }

  @Override
  public boolean existsByStudyInstanceUid(String studyInstanceUid) {
    return template.count(WorklistItem.class, Filters.eq("studyInstanceUid", studyInstanceUid)) > 0;
  }

  @Override
  public List<WorklistItem> candidates(WorklistQuery query) {
    try (Stream<WorklistItem> found = template.select(WorklistItem.class, filterOf(query))) {
      return found.collect(Collectors.toCollection(ArrayList::new));
    }
  }

  /** The query's index conditions as one MongoDB filter. */
  static Bson filterOf(WorklistQuery query) {
    List<Bson> filters = new ArrayList<>();
    for (WorklistQuery.IndexCondition condition : query.indexConditions()) {
      if (condition instanceof WorklistQuery.Equals eq) {
        filters.add(Filters.eq(eq.field(), eq.value()));
      } else if (condition instanceof WorklistQuery.OneOf in) {
        filters.add(Filters.in(in.field(), in.values()));
      } else if (condition instanceof WorklistQuery.Between range) {
        if (range.from() != null && range.from().equals(range.to())) {
          filters.add(Filters.eq(range.field(), range.from()));
        } else {
          if (range.from() != null) {
            filters.add(Filters.gte(range.field(), range.from()));
          }
          if (range.to() != null) {
            filters.add(Filters.lte(range.field(), range.to()));
          }
        }
      }
    }
    return filters.isEmpty() ? Filters.empty() : Filters.and(filters);
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
