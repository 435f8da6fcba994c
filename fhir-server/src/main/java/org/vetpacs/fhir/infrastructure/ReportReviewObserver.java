package org.vetpacs.fhir.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vetpacs.fhir.service.FhirResourceChanged;
import org.vetpacs.fhir.service.RadiologistReviewService;

/**
 * What follows a stored DiagnosticReport (issue #6): the radiologist-review Task of an AI report
 * that asks for one ({@link RadiologistReviewService}), opened on the escalating version and
 * completed by the signed one. It observes {@link FhirResourceChanged}, fired synchronously after
 * the version is durably stored, so the report service never calls the Task service; a failure
 * here is logged as a WARNING (ids only) and never fails the report's request.
 */
@ApplicationScoped
public class ReportReviewObserver {

  private static final Logger LOG = Logger.getLogger(ReportReviewObserver.class.getName());

  @Inject RadiologistReviewService reviews;

  void changed(@Observes FhirResourceChanged event) {
    if (!"DiagnosticReport".equals(event.type())) {
      return;
    }
    try {
      reviews.reportChanged(event.id());
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "Radiologist review Task for DiagnosticReport/" + event.id()
          + " failed: " + e.getMessage(), e);
    }
  }
}
