package org.vetpacs.server.infrastructure;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A persistent, non-unique (and multikey) index of the embedded MongoDB server, kept in a map of
 * the same MVStore as the documents, so that one commit covers a document and its index entries and
 * only the pages in use are in memory.
 *
 * <p>Each entry's key is the {@linkplain OrderedKeys order-preserving encoding} of the indexed
 * values followed by the document's position (its {@code _id}), its value the position. An array
 * value gives one entry per element, as in MongoDB. A second small map records whether the index
 * has ever held an array or a value whose order the encoding does not reproduce: then it still
 * finds documents, but is not walked to return them in sort order.
 */
final class SecondaryIndex extends Index<Object> {

  private static final String MULTIKEY = "multikey";
  private static final String INEXACT = "inexact";

  private final MVStore store;
  private final MVMap<String, Object> entries;
  private final MVMap<String, Boolean> flags;
  private final List<IndexKey> keys;

  SecondaryIndex(MVStore store, String mapName, String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.store = store;
    this.entries = store.openMap(mapName);
    this.flags = store.openMap(mapName + "._flags");
    this.keys = keys;
  }

  /** The first indexed field: the one a query must constrain for this index to find documents. */
  String firstField() {
    return keys.get(0).getKey();
  }

  boolean firstAscending() {
    return keys.get(0).isAscending();
  }

  /** Whether walking the map returns documents in the order of the index keys. */
  boolean walksInOrder() {
    return !Boolean.TRUE.equals(flags.get(MULTIKEY)) && !Boolean.TRUE.equals(flags.get(INEXACT));
  }

  /**
   * +1 if walking the map forward returns documents in {@code orderBy} order, -1 if walking it
   * backwards does, 0 otherwise. The map orders ties by {@code _id} ascending, as the scan does.
   */
  int direction(Document orderBy) {
    if (orderBy == null || orderBy.isEmpty() || !walksInOrder()) {
      return 0;
    }
    return directionOver(keys, orderBy);
  }

  /**
   * Like {@link #direction}, for the order of the entries that share one value of the first field:
   * +1 (or -1) when the fields after the first, then {@code _id}, are {@code orderBy} (or its
   * reverse), 0 otherwise. Such an index can give the documents of its first field's ranges in
   * {@code orderBy} order from its entries alone ({@link #sortedBySuffix}), for instance the
   * studies whose name begins with a prefix, newest first.
   */
  int suffixDirection(Document orderBy) {
    if (keys.size() < 2 || orderBy == null || orderBy.isEmpty() || !walksInOrder()) {
      return 0;
    }
    return directionOver(keys.subList(1, keys.size()), orderBy);
  }

  /**
   * +1 if entries ordered by {@code fields} (then by {@code _id} ascending, unless it is one of
   * them) come in {@code orderBy} order, -1 if in its reverse, 0 otherwise.
   */
  private int directionOver(List<IndexKey> fields, Document orderBy) {
    List<IndexKey> full = new ArrayList<>(fields);
    boolean idAppended = keys.stream().noneMatch(k -> k.getKey().equals("_id"));
    if (idAppended) {
      full.add(new IndexKey("_id", true));
    }
    List<IndexKey> asked = new ArrayList<>();
    for (String field : orderBy.keySet()) {
      if (!(orderBy.get(field) instanceof Number n)) {
        return 0;
      }
      asked.add(new IndexKey(field, n.doubleValue() > 0));
    }
    if (same(asked, full, false)
        || idAppended && same(asked, full.subList(0, full.size() - 1), false)) {
      return 1;
    }
    return same(asked, full, true) ? -1 : 0;
  }

  /**
   * The positions in the ranges, ordered by the rest of each entry's key after its first component
   * (the other indexed fields, then the position): the order {@link #suffixDirection} names. Every
   * entry in the ranges is read (keys only, no document) and heaped; positions are then taken from
   * the heap one at a time, so a caller that stops after a page has sorted only about a page. Only
   * for an index that {@link #walksInOrder}: then each document has one entry, so no duplicates.
   */
  Iterator<Object> sortedBySuffix(List<KeyRange> ranges, boolean forward) {
    boolean ascending = firstAscending();
    List<Suffixed> candidates = new ArrayList<>();
    for (KeyRange r : ranges) {
      Cursor<String, Object> cursor = entries.cursor(r.from());
      while (cursor.hasNext()) {
        String key = cursor.next();
        if (!r.contains(key)) {
          break;
        }
        String suffix = key.substring(OrderedKeys.componentEnd(key, 0, ascending));
        candidates.add(new Suffixed(suffix, cursor.getValue(), forward));
      }
    }
    PriorityQueue<Suffixed> heap = new PriorityQueue<>(candidates); // heapified in linear time
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !heap.isEmpty();
      }

      @Override
      public Object next() {
        if (heap.isEmpty()) {
          throw new NoSuchElementException();
        }
        return heap.poll().position();
      }
    };
  }

  /** An entry's key after its first component, and its position. */
  private record Suffixed(String suffix, Object position, boolean forward)
      implements Comparable<Suffixed> {
    @Override
    public int compareTo(Suffixed other) {
      int c = suffix.compareTo(other.suffix);
      return forward ? c : -c;
    }
  }

  private static boolean same(List<IndexKey> asked, List<IndexKey> index, boolean reversed) {
    if (asked.size() != index.size()) {
      return false;
    }
    for (int i = 0; i < asked.size(); i++) {
      IndexKey a = asked.get(i);
      IndexKey b = index.get(i);
      if (!a.getKey().equals(b.getKey()) || (a.isAscending() == b.isAscending()) == reversed) {
        return false;
      }
    }
    return true;
  }

  /**
   * The key ranges the query allows (the fewest entries among its constraints on the first field),
   * or null when it does not constrain the first field.
   */
  List<KeyRange> ranges(Document query) {
    boolean multikey = Boolean.TRUE.equals(flags.get(MULTIKEY));
    List<KeyRange> best = null;
    long bestCount = Long.MAX_VALUE;
    for (List<KeyRange> ranges :
        FirstKeyRanges.of(query, firstField(), firstAscending(), !multikey)) {
      long count = count(ranges);
      if (count < bestCount) {
        best = ranges;
        bestCount = count;
      }
    }
    return best;
  }

  /** Exact number of entries in the ranges (each bound is found in logarithmic time). */
  long count(List<KeyRange> ranges) {
    long total = 0;
    for (KeyRange r : ranges) {
      long end = r.to() == null ? entries.sizeAsLong() : rank(r.to());
      total += Math.max(0, end - rank(r.from()));
    }
    return total;
  }

  long size() {
    return entries.sizeAsLong();
  }

  private long rank(String key) {
    long i = entries.getKeyIndex(key);
    return i >= 0 ? i : -(i + 1);
  }

  /** The positions in the ranges, in key order (forward) or reverse key order, lazily. */
  Iterator<Object> walk(List<KeyRange> ranges, boolean forward) {
    List<KeyRange> order = new ArrayList<>(ranges);
    if (!forward) {
      java.util.Collections.reverse(order);
    }
    return new Iterator<>() {
      private int range = -1;
      private Cursor<String, Object> cursor;
      private Object next;

      @Override
      public boolean hasNext() {
        while (next == null) {
          if (cursor != null && cursor.hasNext()) {
            String key = cursor.next();
            if (order.get(range).contains(key)) {
              next = cursor.getValue();
              continue;
            }
          }
          if (++range >= order.size()) {
            return false;
          }
          KeyRange r = order.get(range);
          String start =
              forward ? r.from() : r.to() == null ? entries.lastKey() : entries.lowerKey(r.to());
          cursor = start == null ? null : entries.cursor(start, null, !forward);
        }
        return true;
      }

      @Override
      public Object next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Object n = next;
        next = null;
        return n;
      }
    };
  }

  /** The distinct positions in the ranges, in key order. */
  Set<Object> positions(List<KeyRange> ranges) {
    Set<Object> positions = new LinkedHashSet<>();
    walk(ranges, true).forEachRemaining(positions::add);
    return positions;
  }

  private Set<String> entryKeys(Document document, Object position) {
    String suffix = OrderedKeys.component(position, true);
    Set<KeyValue> values = getKeyValues(document);
    Set<String> out = new LinkedHashSet<>();
    if (values.isEmpty()) { // an empty array: indexed as null, as MongoDB does
      out.add(nulls() + suffix);
      return out;
    }
    for (KeyValue kv : values) {
      StringBuilder key = new StringBuilder();
      for (int i = 0; i < keys.size(); i++) {
        key.append(OrderedKeys.component(kv.get(i), keys.get(i).isAscending()));
      }
      out.add(key.append(suffix).toString());
    }
    return out;
  }

  private String nulls() {
    StringBuilder key = new StringBuilder();
    for (IndexKey k : keys) {
      key.append(OrderedKeys.component(null, k.isAscending()));
    }
    return key.toString();
  }

  private void noteShape(Document document, Set<String> entryKeys) {
    if (!Boolean.TRUE.equals(flags.get(MULTIKEY))) {
      boolean array = entryKeys.size() != 1;
      for (IndexKey k : keys) {
        array |= pathHoldsArray(document, k.getKey());
      }
      if (array) {
        flags.put(MULTIKEY, true);
      }
    }
    if (!Boolean.TRUE.equals(flags.get(INEXACT))) {
      for (KeyValue kv : getKeyValues(document)) {
        for (Object v : kv) {
          if (!OrderedKeys.isExact(v)) {
            flags.put(INEXACT, true);
            return;
          }
        }
      }
    }
  }

  private static boolean pathHoldsArray(Document document, String path) {
    Object current = document;
    for (String part : path.split("\\.")) {
      if (current instanceof Collection<?>) {
        return true;
      }
      if (!(current instanceof Document d)) {
        return false;
      }
      current = d.get(part);
    }
    return current instanceof Collection<?>;
  }

  @Override
  public Object getPosition(Document document) {
    return null; // not unique: it never names a single document
  }

  @Override
  public void checkAdd(Document document, MongoCollection<Object> collection) {
    // not unique: nothing to check
  }

  @Override
  public void add(Document document, Object position, MongoCollection<Object> collection) {
    Set<String> keysOf = entryKeys(document, position);
    noteShape(document, keysOf);
    for (String key : keysOf) {
      entries.put(key, position);
    }
  }

  @Override
  public Object remove(Document document) {
    Object position = document.get("_id"); // the H2 backend's position is the document's _id
    for (String key : entryKeys(document, position)) {
      entries.remove(key);
    }
    return position;
  }

  @Override
  public boolean canHandle(Document query) {
    return ranges(query) != null;
  }

  @Override
  public Iterable<Object> getPositions(Document query) {
    List<KeyRange> ranges = ranges(query);
    return positions(ranges == null ? List.of(KeyRange.ALL) : ranges);
  }

  @Override
  public long getCount() {
    return entries.sizeAsLong();
  }

  @Override
  public long getDataSize() {
    return 0; // not tracked
  }

  @Override
  public void checkUpdate(
      Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    // not unique: nothing to check
  }

  @Override
  public void updateInPlace(
      Document oldDocument,
      Document newDocument,
      Object position,
      MongoCollection<Object> collection) {
    Set<String> before = entryKeys(oldDocument, position);
    Set<String> after = entryKeys(newDocument, position);
    if (before.equals(after)) {
      return;
    }
    noteShape(newDocument, after);
    for (String key : before) {
      if (!after.contains(key)) {
        entries.remove(key);
      }
    }
    for (String key : after) {
      if (!before.contains(key)) {
        entries.put(key, position);
      }
    }
  }

  @Override
  public void drop() {
    store.removeMap(entries);
    store.removeMap(flags);
  }
}
