package org.vetpacs.dicomweb.worklist;

import java.util.List;
import java.util.Optional;

/**
 * Where worklist items are kept. The MongoDB implementation is {@code
 * worklist.infrastructure.MongoWorklistRepository}; unit tests use an in-memory fake.
 */
public interface WorklistRepository {

  /**
   * Inserts a new item.
   *
   * @throws WorklistException of kind CONFLICT when the store's unique indexes refuse it (an
   *     Accession Number or Study Instance UID inserted concurrently by someone else)
   */
  void insert(WorklistItem item);

  /** Replaces a stored item (same id). */
  void update(WorklistItem item);

  Optional<WorklistItem> findById(String id);

  /** The item scheduled from an order ({@link WorklistItem#getOrderId()}), if any. */
  Optional<WorklistItem> findByOrderId(String orderId);

  boolean existsByAccessionNumber(String accessionNumber);

  boolean existsByStudyInstanceUid(String studyInstanceUid);

  /**
   * Items that may match the query: at least every item satisfying its {@link
   * WorklistQuery#indexConditions()} (an implementation may return more; the service applies {@link
   * WorklistQuery#matches} to each).
   */
  List<WorklistItem> candidates(WorklistQuery query);
}
