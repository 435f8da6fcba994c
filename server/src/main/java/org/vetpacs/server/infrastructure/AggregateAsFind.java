package org.vetpacs.server.infrastructure;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Set;

/**
 * Turns an {@code aggregate} command whose pipeline is only {@code $match}, then optionally {@code
 * $sort}, {@code $skip} and {@code $limit} in that order, into the equivalent {@code find} command.
 * mongo-java-server runs every pipeline on a list of all the collection's documents (without
 * indexes, and, for a million instance records, more than the heap holds); its {@code find} uses
 * the indexes. The archive's repositories query through JNoSQL's {@code aggregate}, the only way it
 * takes a driver filter, so their queries all have this shape.
 */
final class AggregateAsFind {

  /** Options of the command that a {@code find} would not honour: the command is left alone. */
  private static final Set<String> UNSUPPORTED =
      Set.of("explain", "collation", "let", "hint", "out");

  private AggregateAsFind() {}

  /** The {@code find} command, or null when the pipeline has another shape. */
  static Document rewrite(Document aggregate) {
    if (!(aggregate.get("aggregate") instanceof String collection)
        || !(aggregate.get("pipeline") instanceof List<?> pipeline)
        || pipeline.isEmpty()) {
      return null;
    }
    for (String option : UNSUPPORTED) {
      if (aggregate.containsKey(option)) {
        return null;
      }
    }
    Document find = new Document("find", collection);
    int next = 0;
    if (!(stage(pipeline, next, "$match") instanceof Document match)) {
      return null;
    }
    find.put("filter", match);
    next++;
    if (stage(pipeline, next, "$sort") instanceof Document sort) {
      find.put("sort", sort);
      next++;
    }
    if (stage(pipeline, next, "$skip") instanceof Number skip) {
      find.put("skip", skip.intValue());
      next++;
    }
    if (stage(pipeline, next, "$limit") instanceof Number limit) {
      if (limit.longValue() <= 0 || limit.longValue() > Integer.MAX_VALUE) {
        return null;
      }
      find.put("limit", limit.intValue());
      next++;
    }
    if (next != pipeline.size()) {
      return null;
    }
    if (aggregate.get("cursor") instanceof Document cursor
        && cursor.get("batchSize") instanceof Number batchSize) {
      find.put("batchSize", batchSize.intValue());
    }
    for (String passed : List.of("$db", "lsid", "maxTimeMS", "comment")) {
      if (aggregate.containsKey(passed)) {
        find.put(passed, aggregate.get(passed));
      }
    }
    return find;
  }

  /** The argument of stage {@code i} if it is the single-key stage {@code name}, else null. */
  private static Object stage(List<?> pipeline, int i, String name) {
    if (i >= pipeline.size() || !(pipeline.get(i) instanceof Document stage)) {
      return null;
    }
    return stage.size() == 1 && stage.containsKey(name) ? stage.get(name) : null;
  }
}
