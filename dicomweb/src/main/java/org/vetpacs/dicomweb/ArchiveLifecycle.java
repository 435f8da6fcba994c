package org.vetpacs.dicomweb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.config.ArchiveConfig;
import org.vetpacs.dicomweb.dimse.DimseListener;
import org.vetpacs.dicomweb.dimse.DimseSettings;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.infrastructure.IndexDatabase;
import org.vetpacs.dicomweb.infrastructure.MongoIndexes;
import org.vetpacs.dicomweb.ingest.StoreService;
import org.vetpacs.dicomweb.lifecycle.DeleteService;
import org.vetpacs.dicomweb.query.QueryService;
import org.vetpacs.dicomweb.storage.BlobStore;
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

  private DimseListener dimse;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    MongoIndexes.ensure(indexDatabase.client(), indexDatabase.database());
    long pending = index.deletePendingInstances();
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

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    if (dimse != null) {
      dimse.stop();
      dimse = null;
    }
  }
}
