package org.vetpacs.fhir.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.infrastructure.IndexDatabase;
import org.vetpacs.dicomweb.ingest.InstanceStored;
import org.vetpacs.fhir.service.FhirValidation;
import org.vetpacs.fhir.service.FhirResourceChanged;
import org.vetpacs.fhir.service.ImagingStudyService;
import org.vetpacs.fhir.service.ReconciliationService;

/**
 * Start-up and archive events for the FHIR face: creates the FHIR store's MongoDB indexes
 * ({@link FhirMongoIndexes}), builds the validator in the background once the
 * application is up (so start-up does not wait for it and the first request does not pay for it),
 * and after every stored instance lets the ImagingStudy projection derive the animal Patient and
 * complete the matching order. That work runs on one background thread, not in the storing
 * thread: the store has been acknowledged already, a failure there must never fail it, and
 * concurrent stores of one study must not wait for each other on FHIR writes. An update runs
 * {@link #COALESCE} after the first instance that asked for it, and a study already queued is not
 * queued twice: a 300-slice CT arriving over ten seconds costs about ten updates, not 300 (each
 * reads the study's whole index, so updating after every instance took CPU from the ingest).
 */
@ApplicationScoped
public class FhirStartup {

  private static final Logger LOG = Logger.getLogger(FhirStartup.class.getName());

  /** How long the instances of one study are gathered before its ImagingStudy is updated. */
  static final Duration COALESCE = Duration.ofSeconds(1);

  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "fhir-study-projection");
    t.setDaemon(true);
    return t;
  });
  private final Set<String> queued = ConcurrentHashMap.newKeySet();

  @Inject FhirValidation validation;
  @Inject ImagingStudyService studies;
  @Inject ReconciliationService reconciliation;
  @Inject Event<FhirResourceChanged> changed;
  @Inject IndexDatabase indexDatabase;

  void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
    FhirMongoIndexes.ensure(indexDatabase.client(), indexDatabase.database());
    // A plain daemon thread: it touches no container resource, and must not delay start-up.
    Thread warmUp = new Thread(validation::warmUp, "fhir-validator-warm-up");
    warmUp.setDaemon(true);
    warmUp.setPriority(Thread.MIN_PRIORITY);
    warmUp.start();
  }

  void instanceStored(@Observes InstanceStored event) {
    String uid = event.studyInstanceUid();
    if (!queued.add(uid)) {
      return;
    }
    try {
      worker.schedule(() -> {
        queued.remove(uid);
        try {
          studies.studyUpdated(uid);
          reconciliation.studyArrived(uid); // queues an unmatched study as a Task
          changed.fire(new FhirResourceChanged("ImagingStudy", uid, 0, false));
        } catch (RuntimeException | LinkageError e) {
          LOG.log(Level.WARNING, "ImagingStudy update after a store failed for study " + uid, e);
        }
      }, COALESCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      queued.remove(uid);
      LOG.log(Level.WARNING, "Could not queue the ImagingStudy update of study " + uid, e);
    }
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}
