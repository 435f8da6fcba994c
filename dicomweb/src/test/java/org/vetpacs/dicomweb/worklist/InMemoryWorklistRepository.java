package org.vetpacs.dicomweb.worklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fake {@link WorklistRepository}: every item is a candidate, as the contract allows. */
final class InMemoryWorklistRepository implements WorklistRepository {

  final Map<String, WorklistItem> items = new LinkedHashMap<>();
  int updates;

  @Override
  public void insert(WorklistItem item) {
    if (items.containsKey(item.getId())) {
      throw new WorklistException(WorklistException.Kind.CONFLICT, "duplicate id");
    }
    items.put(item.getId(), item);
  }

  @Override
  public void update(WorklistItem item) {
    updates++;
    items.put(item.getId(), item);
  }

  @Override
  public Optional<WorklistItem> findById(String id) {
    return Optional.ofNullable(items.get(id));
  }

  @Override
  public Optional<WorklistItem> findByOrderId(String orderId) {
    return items.values().stream().filter(i -> orderId.equals(i.getOrderId())).findFirst();
  }

  @Override
  public boolean existsByAccessionNumber(String accessionNumber) {
    return items.values().stream().anyMatch(i -> accessionNumber.equals(i.getAccessionNumber()));
  }

  @Override
  public boolean existsByStudyInstanceUid(String studyInstanceUid) {
    return items.values().stream().anyMatch(i -> studyInstanceUid.equals(i.getStudyInstanceUid()));
  }

  @Override
  public List<WorklistItem> candidates(WorklistQuery query) {
    return new ArrayList<>(items.values());
  }
}
