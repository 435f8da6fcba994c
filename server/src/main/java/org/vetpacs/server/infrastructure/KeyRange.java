package org.vetpacs.server.infrastructure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A range of encoded index keys: {@code from} inclusive ("" for the start), {@code to} exclusive
 * (null for the end).
 */
record KeyRange(String from, String to) {

  static final KeyRange ALL = new KeyRange("", null);

  /** The keys that begin with {@code prefix}. */
  static KeyRange prefix(String prefix) {
    return new KeyRange(prefix, OrderedKeys.successor(prefix));
  }

  boolean isEmpty() {
    return to != null && from.compareTo(to) >= 0;
  }

  boolean contains(String key) {
    return key.compareTo(from) >= 0 && (to == null || key.compareTo(to) < 0);
  }

  /** Sorted, disjoint and non-empty ranges covering the same keys as {@code ranges}. */
  static List<KeyRange> normalize(List<KeyRange> ranges) {
    List<KeyRange> sorted = new ArrayList<>();
    for (KeyRange r : ranges) {
      if (!r.isEmpty()) {
        sorted.add(r);
      }
    }
    sorted.sort(Comparator.comparing(KeyRange::from));
    List<KeyRange> merged = new ArrayList<>();
    for (KeyRange r : sorted) {
      if (!merged.isEmpty()) {
        KeyRange last = merged.get(merged.size() - 1);
        if (last.to == null || r.from.compareTo(last.to) <= 0) {
          String to = last.to == null || r.to == null ? null : max(last.to, r.to);
          merged.set(merged.size() - 1, new KeyRange(last.from, to));
          continue;
        }
      }
      merged.add(r);
    }
    return merged;
  }

  /** The keys in both normalized lists. */
  static List<KeyRange> intersect(List<KeyRange> a, List<KeyRange> b) {
    List<KeyRange> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      KeyRange x = a.get(i);
      KeyRange y = b.get(j);
      String from = max(x.from, y.from);
      String to = x.to == null ? y.to : y.to == null ? x.to : min(x.to, y.to);
      KeyRange r = new KeyRange(from, to);
      if (!r.isEmpty()) {
        out.add(r);
      }
      // advance the range that ends first
      if (x.to == null) {
        j++;
      } else if (y.to == null) {
        i++;
      } else if (x.to.compareTo(y.to) <= 0) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }

  private static String max(String a, String b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
