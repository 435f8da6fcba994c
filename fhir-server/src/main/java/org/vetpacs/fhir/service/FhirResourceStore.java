package org.vetpacs.fhir.service;

import java.util.List;
import java.util.Optional;

/**
 * Versioned storage of FHIR resources. The current version of each resource is searchable; every
 * version stays readable.
 *
 * <p>Write order (no cross-collection transactions): the new version is first inserted into the
 * history, whose key (type, id, version) is unique, so of two concurrent writers of one version
 * exactly one wins ({@link ConcurrentVersionException} for the other); then the current record is
 * replaced. A crash in between leaves a history version newer than the current record; the next
 * update of that resource collides with it, the store then promotes that orphan version to
 * current and answers {@link ConcurrentVersionException} (409), and the client's re-read and
 * retry succeed. Versions stay monotonic and nothing acknowledged is lost.
 */
public interface FhirResourceStore {

  /**
   * Stores version 1 of a new resource.
   *
   * @param resource the resource
   * @throws ConcurrentVersionException when the id is taken
   */
  void create(StoredResource resource);

  /**
   * Stores a new version (must be current version + 1).
   *
   * @param resource the resource
   * @throws ConcurrentVersionException when another writer stored that version first
   */
  void update(StoredResource resource);

  /**
   * The current version.
   *
   * @param type the type
   * @param id the id
   * @return the resource or empty
   */
  Optional<StoredResource> read(String type, String id);

  /**
   * One version.
   *
   * @param type the type
   * @param id the id
   * @param version the version
   * @return the version or empty
   */
  Optional<StoredResource> readVersion(String type, String id, long version);

  /**
   * All versions, newest first.
   *
   * @param type the type
   * @param id the id
   * @return the versions
   */
  List<StoredResource> history(String type, String id);

  /**
   * Current versions matching a query, in its order.
   *
   * @param query the query
   * @param offset results to skip
   * @param limit most results
   * @return the page
   */
  List<StoredResource> search(StoreQuery query, int offset, int limit);

  /**
   * How many current versions match.
   *
   * @param query the query
   * @return the count
   */
  long count(StoreQuery query);

  /** Thrown when a version or id is taken by a concurrent writer. */
  final class ConcurrentVersionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what collided
     */
    public ConcurrentVersionException(String message) {
      super(message);
    }
  }
}
