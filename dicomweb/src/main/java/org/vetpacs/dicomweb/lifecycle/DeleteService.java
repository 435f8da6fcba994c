package org.vetpacs.dicomweb.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.config.ArchiveConfig;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.ingest.StudyIndexer;
import org.vetpacs.dicomweb.retrieve.ResourceScope;
import org.vetpacs.dicomweb.storage.BlobStore;

/**
 * Administrator DELETE of a study, a series or an instance: blob and index together.
 *
 * <p>Order, which is the consistency story (there are no cross-collection transactions):
 *
 * <ol>
 *   <li>mark every instance record of the resource {@link InstanceRecord#DELETING}: from this
 *       moment no face serves them (all select {@code STORED});
 *   <li>recount the series and study records (a series or study with nothing left is removed, so
 *       QIDO-RS and C-FIND stop finding it);
 *   <li>delete the blobs;
 *   <li>delete the instance records, then fire {@link InstancesDeleted}.
 * </ol>
 *
 * A crash or a blob that cannot be removed leaves {@code DELETING} records, invisible to every
 * face, which {@link #resumeInterrupted()} finishes at the next start. Rejected instances (and
 * tombstones of rejections) in the resource are deleted too: a DELETE purges what a rejection note
 * only hid, and forgets the rejection.
 *
 * <p>There is no authentication yet: the operation exists only when {@code
 * vetpacs.dicomweb.delete-enabled} is true, otherwise it is refused as not allowed.
 */
@ApplicationScoped
public class DeleteService {

  private static final Logger LOG = Logger.getLogger(DeleteService.class.getName());

  private ArchiveConfig config;
  private IndexRepository index;
  private BlobStore blobs;
  private StudyIndexer studyIndexer;
  private Event<InstancesDeleted> deleted;

  protected DeleteService() {}

  @Inject
  public DeleteService(
      ArchiveConfig config,
      IndexRepository index,
      BlobStore blobs,
      StudyIndexer studyIndexer,
      Event<InstancesDeleted> deleted) {
    this.config = config;
    this.index = index;
    this.blobs = blobs;
    this.studyIndexer = studyIndexer;
    this.deleted = deleted;
  }

  /**
   * Deletes every instance of the resource.
   *
   * @param requester who asked (e.g. the client address), for the audit line
   * @return how many instances were removed
   * @throws LifecycleException DISABLED when deleting is switched off, NOT_FOUND when the
   *     resource has no instance
   */
  public int delete(ResourceScope scope, String requester) {
    if (!config.deleteEnabled()) {
      throw LifecycleException.disabled(
          "DELETE is disabled on this server (an administrator can enable it with"
              + " VETPACS_DICOMWEB_DELETE_ENABLED=true)",
          allowedMethods(scope));
    }
    List<InstanceRecord> records = recordsOf(scope);
    if (records.isEmpty()) {
      throw LifecycleException.notFound("No " + scope.describe() + " in this archive");
    }
    for (InstanceRecord record : records) {
      record.setStatus(InstanceRecord.DELETING);
      index.update(record);
    }
    int removed = finish(records);
    // Audit: UIDs, counts and the requester only, never the animal's or owner's name.
    LOG.info(
        () ->
            "AUDIT DICOMweb DELETE of "
                + scope.describe()
                + " by "
                + requester
                + ": "
                + removed
                + " of "
                + records.size()
                + " instance(s) removed");
    return removed;
  }

  /** Finishes deletions a crash (or an unremovable blob) interrupted; returns how many. */
  public int resumeInterrupted() {
    List<InstanceRecord> records = index.instancesWithStatus(InstanceRecord.DELETING);
    return records.isEmpty() ? 0 : finish(records);
  }

  /**
   * The methods a DICOMweb resource allows besides DELETE (PS3.18 10.4 Retrieve, 10.5 Store on
   * the study, OPTIONS 8.9): for the Allow header of a 405 (RFC 9110 15.5.6).
   */
  public static String allowedMethods(ResourceScope scope) {
    return scope.series() == null ? "GET, POST, OPTIONS" : "GET, OPTIONS";
  }

  private List<InstanceRecord> recordsOf(ResourceScope scope) {
    if (scope.instance() == null) {
      return index.settledInstances(scope.study(), scope.series());
    }
    return index
        .findInstance(scope.instance())
        .filter(r -> !InstanceRecord.PENDING.equals(r.getStatus()))
        .filter(r -> scope.study().equals(r.getStudyInstanceUid()))
        .filter(r -> scope.series().equals(r.getSeriesInstanceUid()))
        .map(List::of)
        .orElse(List.of());
  }

  /** Steps 2-4 for records already marked {@code DELETING}. */
  private int finish(List<InstanceRecord> records) {
    Map<String, Set<String>> seriesByStudy = new LinkedHashMap<>();
    for (InstanceRecord r : records) {
      seriesByStudy
          .computeIfAbsent(r.getStudyInstanceUid(), k -> new LinkedHashSet<>())
          .add(r.getSeriesInstanceUid());
    }
    seriesByStudy.forEach(studyIndexer::recount);
    Map<String, List<InstanceRecord>> removedByStudy = new LinkedHashMap<>();
    for (InstanceRecord r : records) {
      try {
        if (r.getBlobKey() != null) {
          blobs.delete(r.getBlobKey());
        }
      } catch (IOException | RuntimeException e) {
        // The record stays DELETING (hidden) and is retried at the next start.
        LOG.log(Level.SEVERE, "Could not delete blob " + r.getBlobKey() + "; retried at start", e);
        continue;
      }
      index.deleteInstance(r.getSopInstanceUid());
      removedByStudy.computeIfAbsent(r.getStudyInstanceUid(), k -> new ArrayList<>()).add(r);
    }
    int removed = 0;
    for (Map.Entry<String, List<InstanceRecord>> study : removedByStudy.entrySet()) {
      List<InstanceRecord> gone = study.getValue();
      removed += gone.size();
      deleted.fire(
          new InstancesDeleted(
              study.getKey(),
              gone.stream().map(InstanceRecord::getSeriesInstanceUid).distinct().toList(),
              gone.stream().map(InstanceRecord::getSopInstanceUid).toList(),
              index.findStudy(study.getKey()).isEmpty()));
    }
    return removed;
  }
}
