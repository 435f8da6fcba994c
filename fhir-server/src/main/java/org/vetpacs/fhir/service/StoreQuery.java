package org.vetpacs.fhir.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A search of the FHIR store: all conditions must hold (AND); each condition is satisfied by any
 * of its values (OR), which is how FHIR combines repeated parameters and comma lists.
 *
 * @param type the resource type
 * @param conditions the conditions
 * @param sort the field to sort on ({@link Sort#DATE}, {@link Sort#LAST_UPDATED}) or {@code null}
 *     for the store's order (last updated, newest first)
 * @param descending sort order
 */
public record StoreQuery(String type, List<Condition> conditions, Sort sort, boolean descending) {

  /** Copies the conditions. */
  public StoreQuery {
    conditions = List.copyOf(conditions);
  }

  /** What can be sorted on. */
  public enum Sort {
    /** The type's date search parameter. */
    DATE,
    /** {@code meta.lastUpdated}. */
    LAST_UPDATED
  }

  /** One condition. */
  public sealed interface Condition {}

  /**
   * The resource has at least one of these keys.
   *
   * @param keys exact keys
   */
  public record AnyKey(Set<String> keys) implements Condition {}

  /**
   * The resource has a key that starts with one of these prefixes (string search).
   *
   * @param prefixes key prefixes
   */
  public record KeyPrefix(Set<String> prefixes) implements Condition {}

  /**
   * The date field lies in {@code [from, to]} (either may be {@code null}).
   *
   * @param from lower bound, inclusive, {@link SearchKeys#instant} text
   * @param to upper bound, inclusive
   */
  public record DateRange(String from, String to) implements Condition {}

  /**
   * The logical id is one of these.
   *
   * @param ids ids
   */
  public record IdIn(Set<String> ids) implements Condition {}

  /** A builder for the services. */
  public static final class Builder {
    private final String type;
    private final List<Condition> conditions = new ArrayList<>();
    private Sort sort;
    private boolean descending = true;

    /**
     * Starts a query.
     *
     * @param type the resource type
     */
    public Builder(String type) {
      this.type = type;
    }

    /**
     * Adds a condition.
     *
     * @param c the condition
     * @return this
     */
    public Builder and(Condition c) {
      conditions.add(c);
      return this;
    }

    /**
     * Sets the order.
     *
     * @param sort the field or {@code null}
     * @param descending newest first
     * @return this
     */
    public Builder sort(Sort sort, boolean descending) {
      this.sort = sort;
      this.descending = descending;
      return this;
    }

    /**
     * The query.
     *
     * @return the query
     */
    public StoreQuery build() {
      return new StoreQuery(type, conditions, sort, descending);
    }
  }
}
