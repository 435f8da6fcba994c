package org.vetpacs.fhir.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.ingest.InstanceStored;
import org.vetpacs.fhir.service.FhirValidation;
import org.vetpacs.fhir.service.ImagingStudyService;

/**
 * Start-up and archive events for the FHIR face: builds the validator in the background once the
 * application is up (so start-up does not wait for it and the first request does not pay for it),
 * and after every stored instance lets the ImagingStudy projection derive the animal Patient and
 * complete the matching order. A failure there is logged and never fails the store, which has
 * already been acknowledged.
 */
@ApplicationScoped
public class FhirStartup {

  private static final Logger LOG = Logger.getLogger(FhirStartup.class.getName());

  @Inject FhirValidation validation;
  @Inject ImagingStudyService studies;

  void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // A plain daemon thread: it touches no container resource, and must not delay start-up.
    Thread warmUp = new Thread(validation::warmUp, "fhir-validator-warm-up");
    warmUp.setDaemon(true);
    warmUp.setPriority(Thread.MIN_PRIORITY);
    warmUp.start();
  }

  void instanceStored(@Observes InstanceStored event) {
    try {
      studies.studyUpdated(event.studyInstanceUid());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ImagingStudy update after a store failed for study "
          + event.studyInstanceUid(), e);
    }
  }
}
