package org.vetpacs.server.infrastructure;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;

/**
 * A collection of the embedded server that plans its queries over its {@link SecondaryIndex}es
 * (mongo-java-server itself only uses unique indexes, and takes the first that applies).
 *
 * <p>The plan: a unique index that can answer (such as {@code _id}) first; otherwise the secondary
 * index whose key ranges hold the fewest entries (counted exactly from the map), whose documents
 * are then matched against the whole query and sorted; or, when the requested order is an index's
 * order, a walk of that index in order that stops after skip + limit matches, when that is expected
 * to read fewer documents; or, when the requested order is that of a compound index's other fields
 * (a name key, then newest first), the entries of its ranges sorted by those fields from their keys
 * alone, then the documents read in that order until skip + limit match, so that a page costs about
 * a page of documents however many match. Without any usable index, the whole collection is scanned
 * as before.
 */
final class IndexedH2Collection extends H2Collection {

  /**
   * What reading one index entry's key costs, in documents read: an entry is a short string, a
   * document is decoded from its page and matched. A JFR profile of QIDO-RS name-prefix searches
   * at 1M instances (~1,000 entries and ~100 documents read per search) gave about 0.1.
   */
  private static final double ENTRY_COST = 0.1;

  /** Documents read by queries since start (for tests of the plans). */
  private final java.util.concurrent.atomic.AtomicLong documentsRead =
      new java.util.concurrent.atomic.AtomicLong();

  IndexedH2Collection(
      MongoDatabase database,
      String collectionName,
      CollectionOptions options,
      MVMap<Object, Document> dataMap,
      MVMap<String, Object> metaMap,
      CursorRegistry cursorRegistry) {
    super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
  }

  @Override
  protected QueryResult queryDocuments(
      Document query,
      Document orderBy,
      int numberToSkip,
      int limit,
      int batchSize,
      Document fieldSelector) {
    for (Index<Object> index : getIndexes()) {
      if (index.isUnique() && index.canHandle(query)) {
        return matchDocuments(
            query,
            index.getPositions(query),
            orderBy,
            numberToSkip,
            limit,
            batchSize,
            fieldSelector);
      }
    }
    if (orderBy != null && orderBy.containsKey("$natural")) {
      return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
    SecondaryIndex narrowest = null;
    List<KeyRange> narrowestRanges = null;
    long narrowestCount = Long.MAX_VALUE;
    SecondaryIndex presorted = null;
    List<KeyRange> presortedRanges = null;
    long presortedCount = Long.MAX_VALUE;
    int presortedDirection = 0;
    SecondaryIndex ordered = null;
    List<KeyRange> orderedRanges = null;
    long orderedCount = Long.MAX_VALUE;
    int orderedDirection = 0;
    for (Index<Object> index : getIndexes()) {
      if (!(index instanceof SecondaryIndex s)) {
        continue;
      }
      List<KeyRange> ranges = s.ranges(query);
      long count = ranges == null ? s.size() : s.count(ranges);
      if (ranges != null && count < narrowestCount) {
        narrowest = s;
        narrowestRanges = ranges;
        narrowestCount = count;
      }
      int suffixDirection = ranges == null ? 0 : s.suffixDirection(orderBy);
      if (suffixDirection != 0 && count < presortedCount) {
        presorted = s;
        presortedRanges = ranges;
        presortedCount = count;
        presortedDirection = suffixDirection;
      }
      int direction = s.direction(orderBy);
      if (direction != 0 && count < orderedCount) {
        ordered = s;
        orderedRanges = ranges == null ? List.of(KeyRange.ALL) : ranges;
        orderedCount = count;
        orderedDirection = direction;
      }
    }
    long fetchedByFilter = narrowest != null ? narrowestCount : count();
    double wanted = limit > 0 ? (double) numberToSkip + limit : Double.MAX_VALUE;
    double walkCost =
        ordered == null ? Double.MAX_VALUE : readsInOrder(orderedCount, fetchedByFilter, wanted);
    if (presorted != null) {
      // reads every entry of its ranges (keys only), then documents in order until it has enough
      double presortedCost =
          readsInOrder(presortedCount, fetchedByFilter, wanted) + presortedCount * ENTRY_COST;
      if (presortedCost < Math.min(walkCost, fetchedByFilter)) {
        return matchInOrder(
            query,
            presorted.sortedBySuffix(presortedRanges, presortedDirection > 0),
            numberToSkip,
            limit,
            batchSize,
            fieldSelector);
      }
    }
    if (ordered != null && walkCost <= fetchedByFilter) {
      return matchInOrder(
          query,
          ordered.walk(orderedRanges, orderedDirection > 0),
          numberToSkip,
          limit,
          batchSize,
          fieldSelector);
    }
    boolean unordered = orderBy == null || orderBy.isEmpty();
    if (narrowest != null && unordered && limit > 0) {
      // the scan stops after skip + limit matches too: cheaper when the matches are dense
      long all = count();
      double scanCost =
          Math.min(all, ((double) numberToSkip + limit) * all / Math.max(1, narrowestCount));
      if (scanCost < narrowestCount) {
        return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
      }
    }
    if (narrowest != null) {
      return matchDocuments(
          query,
          narrowest.positions(narrowestRanges),
          withIdTieBreak(orderBy),
          numberToSkip,
          limit,
          batchSize,
          fieldSelector);
    }
    return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
  }

  /**
   * Documents read in an index's order until {@code wanted} match, if the {@code matching}
   * documents are spread evenly over its {@code entries}.
   */
  private static double readsInOrder(long entries, long matching, double wanted) {
    double matchRate = (double) Math.max(1, Math.min(matching, entries)) / Math.max(1, entries);
    return Math.min(entries, wanted / matchRate);
  }

  /** Reads the documents at {@code positions}, already in the requested order, until enough match. */
  private QueryResult matchInOrder(
      Document query,
      Iterator<Object> positions,
      int numberToSkip,
      int limit,
      int batchSize,
      Document fieldSelector) {
    Stream<Document> documents =
        StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(positions, Spliterator.ORDERED), false)
            .map(this::getDocument);
    return matchDocumentsFromStream(
        query, documents, numberToSkip, limit, batchSize, null, fieldSelector);
  }

  @Override
  protected Document getDocument(Object position) {
    documentsRead.incrementAndGet();
    return super.getDocument(position);
  }

  long documentsRead() {
    return documentsRead.get();
  }

  /**
   * The scan meets documents in {@code _id} order and sorts them stably; candidates from an index
   * come in index order, so ties are broken by {@code _id} explicitly to give the same answer.
   */
  private static Document withIdTieBreak(Document orderBy) {
    Document order = new Document();
    if (orderBy != null) {
      order.putAll(orderBy);
    }
    if (!order.containsKey("_id")) {
      order.put("_id", 1);
    }
    return order;
  }
}
