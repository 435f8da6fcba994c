package org.vetpacs.dicomweb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.config.ArchiveConfig;
import org.vetpacs.dicomweb.dimse.DimseListener;
import org.vetpacs.dicomweb.dimse.DimseSettings;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.infrastructure.IndexDatabase;
import org.vetpacs.dicomweb.infrastructure.MongoIndexes;
import org.vetpacs.dicomweb.ingest.StoreService;
import org.vetpacs.dicomweb.ingest.StudyIndexer;
import org.vetpacs.dicomweb.lifecycle.DeleteService;
import org.vetpacs.dicomweb.query.QueryService;
import org.vetpacs.dicomweb.storage.BlobStore;
import org.vetpacs.dicomweb.storage.InstanceKey;
import org.vetpacs.dicomweb.worklist.WorklistService;

/**
 * Brings the archive up with the application and down with it: creates the index's MongoDB
 * indexes, removes reservations left by an interrupted store, finishes interrupted deletions,
 * starts the DIMSE listener, and says
 * where each face is listening.
 */
@ApplicationScoped
public class ArchiveLifecycle {

  private static final Logger LOG = Logger.getLogger(ArchiveLifecycle.class.getName());

  @Inject ArchiveConfig config;
  @Inject IndexRepository index;
  @Inject IndexDatabase indexDatabase;
  @Inject StoreService store;
  @Inject BlobStore blobs;
  @Inject QueryService queries;
  @Inject WorklistService worklist;
  @Inject DeleteService deletes;
  @Inject StudyIndexer studyIndexer;

  private DimseListener dimse;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    MongoIndexes.ensure(indexDatabase.client(), indexDatabase.database());
    int pending = discardInterruptedStores();
    if (pending > 0) {
      LOG.warning(pending + " interrupted store(s) found at start-up were discarded (never acknowledged)");
    }
    int deleting = deletes.resumeInterrupted();
    if (deleting > 0) {
      LOG.warning(deleting + " deletion(s) interrupted before the last stop were finished");
    }
    try {
      dimse =
          DimseListener.start(
              new DimseSettings(
                  config.aeTitle(),
                  config.dicomPort(),
                  config.acceptUnknownAes(),
                  config.knownAes(),
                  DimseSettings.DEFAULT_MAX_ASSOCIATIONS),
              store,
              index,
              blobs,
              queries,
              worklist);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start the DICOM listener on port " + config.dicomPort() + ": " + e.getMessage(), e);
    }
    LOG.info(
        () ->
            String.format(
                "VetPACS ready:%n  HTTP      http://localhost:%d/ (DICOMweb /dicom-web, health /health)%n"
                    + "  DICOM     AE title %s on port %d%n  data      %s",
                config.httpPort(), config.aeTitle(), config.dicomPort(), config.dataDir()));
  }

  /**
   * Removes the reservations a crash left between reserve and the journaled {@code STORED} mark
   * (never acknowledged), with the blob one may have committed, and recounts their studies: the
   * pipeline counts an instance in its series and study just before marking it {@code STORED}.
   */
  private int discardInterruptedStores() {
    List<InstanceRecord> interrupted = index.instancesWithStatus(InstanceRecord.PENDING);
    if (interrupted.isEmpty()) {
      return 0;
    }
    Map<String, Set<String>> seriesByStudy = new TreeMap<>();
    for (InstanceRecord record : interrupted) {
      index.deleteInstance(record.getSopInstanceUid());
      try {
        blobs.delete(blobs.keyOf(new InstanceKey(record.getStudyInstanceUid(),
            record.getSeriesInstanceUid(), record.getSopInstanceUid())));
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "Could not remove the blob of an interrupted store", e);
      }
      seriesByStudy.computeIfAbsent(record.getStudyInstanceUid(), k -> new TreeSet<>())
          .add(record.getSeriesInstanceUid());
    }
    seriesByStudy.forEach(studyIndexer::recount);
    return interrupted.size();
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    if (dimse != null) {
      dimse.stop();
      dimse = null;
    }
  }
}
