package org.vetpacs.fhir.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.vetpacs.fhir.service.ChargeItemService;
import org.vetpacs.fhir.service.FhirResourceChanged;
import org.vetpacs.fhir.service.ImagingStudyService;
import org.vetpacs.fhir.service.OrderWorklistService;
import org.vetpacs.fhir.service.ServiceRequestService;

/**
 * What follows a stored order or patient (issue #6): the order's worklist item ({@link
 * OrderWorklistService}) and its charge ({@link ChargeItemService}). It observes {@link
 * FhirResourceChanged}, fired synchronously after the version is durably stored, so the order is
 * already acknowledged-to-be: a failure here is logged as a WARNING (ids only, never a name) and
 * never fails the FHIR request or the store that completed the order. The next version of the
 * order or patient brings the worklist and the charge in step again.
 */
@ApplicationScoped
public class OrderWorkflowObserver {

  private static final Logger LOG = Logger.getLogger(OrderWorkflowObserver.class.getName());

  @Inject OrderWorklistService worklist;
  @Inject ChargeItemService charges;
  @Inject ServiceRequestService orders;
  @Inject ImagingStudyService studies;

  void changed(@Observes FhirResourceChanged event) {
    switch (event.type()) {
      case "ServiceRequest" -> orderChanged(event.id());
      case "Patient" -> patientChanged(event.id());
      default -> { }
    }
  }

  private void orderChanged(String id) {
    try {
      worklist.orderChanged(id);
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "Worklist update for ServiceRequest/" + id + " failed: "
          + e.getMessage(), e);
    }
    try {
      ServiceRequest order = orders.read(id);
      List<String> studyUids = order.getStatus() == ServiceRequest.ServiceRequestStatus.COMPLETED
          ? studies.studyUidsOfOrder(id) : List.of();
      charges.orderChanged(order, studyUids);
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "ChargeItem update for ServiceRequest/" + id + " failed: "
          + e.getMessage(), e);
    }
  }

  private void patientChanged(String id) {
    try {
      worklist.patientChanged(id);
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "Worklist update for the orders of Patient/" + id + " failed: "
          + e.getMessage(), e);
    }
  }
}
