package org.vetpacs.fhir.infrastructure;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import org.eclipse.microprofile.config.Config;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.worklist.WorklistService;
import org.vetpacs.fhir.service.ChargeItemService;
import org.vetpacs.fhir.service.OrderWorklistService;
import jakarta.enterprise.event.Event;
import org.vetpacs.dicomweb.lifecycle.HeaderCorrectionService;
import org.vetpacs.fhir.service.DiagnosticReportService;
import org.vetpacs.fhir.service.FhirResourceChanged;
import org.vetpacs.fhir.service.ReconciliationService;
import org.vetpacs.fhir.service.StudyMatcher;
import org.vetpacs.fhir.service.RadiologistReviewService;
import org.vetpacs.fhir.service.TaskService;
import org.vetpacs.fhir.service.FhirValidation;
import org.vetpacs.fhir.service.ImagingStudyService;
import org.vetpacs.fhir.service.IncludeResolver;
import org.vetpacs.fhir.service.OrganizationService;
import org.vetpacs.fhir.service.PatientService;
import org.vetpacs.fhir.service.PractitionerService;
import org.vetpacs.fhir.service.RelatedPersonService;
import org.vetpacs.fhir.service.ServiceRequestService;
import org.vetpacs.fhir.service.SubscriptionService;
import org.vetpacs.model.fhir.ConformanceResources;

/**
 * Wires the FHIR face: one R4 {@link FhirContext} (expensive, thread-safe), our conformance
 * resources, the validator and the services, each created once. The services are plain classes
 * (so unit tests build them with an in-memory store); this is the only place that knows CDI.
 */
@ApplicationScoped
public class FhirBeans {

  @Produces
  @Singleton
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }

  @Produces
  @Singleton
  ConformanceResources conformance(FhirContext ctx) {
    return new ConformanceResources(ctx);
  }

  @Produces
  @Singleton
  FhirValidation validation(FhirContext ctx, ConformanceResources conformance) {
    return new FhirValidation(ctx, conformance);
  }

  @Produces
  @Singleton
  PatientService patients(FhirContext ctx, MongoFhirResourceStore store, FhirValidation v) {
    return new PatientService(ctx, store, v);
  }

  @Produces
  @Singleton
  RelatedPersonService owners(FhirContext ctx, MongoFhirResourceStore store, FhirValidation v) {
    return new RelatedPersonService(ctx, store, v);
  }

  @Produces
  @Singleton
  OrganizationService organizations(FhirContext ctx, MongoFhirResourceStore store,
      FhirValidation v) {
    return new OrganizationService(ctx, store, v);
  }

  @Produces
  @Singleton
  PractitionerService practitioners(FhirContext ctx, MongoFhirResourceStore store,
      FhirValidation v) {
    return new PractitionerService(ctx, store, v);
  }

  @Produces
  @Singleton
  ServiceRequestService orders(FhirContext ctx, MongoFhirResourceStore store, FhirValidation v) {
    return new ServiceRequestService(ctx, store, v);
  }

  @Produces
  @Singleton
  DiagnosticReportService reports(FhirContext ctx, MongoFhirResourceStore store,
      FhirValidation v) {
    return new DiagnosticReportService(ctx, store, v);
  }

  @Produces
  @Singleton
  ChargeItemService charges(FhirContext ctx, MongoFhirResourceStore store) {
    return new ChargeItemService(ctx, store);
  }

  /** {@code vetpacs.worklist.station} (VETPACS_WORKLIST_STATION): AE of orders naming none. */
  @Produces
  @Singleton
  OrderWorklistService orderWorklist(ServiceRequestService orders, PatientService patients,
      RelatedPersonService owners, OrganizationService organizations,
      PractitionerService practitioners, WorklistService worklist, Config config) {
    String station = config.getOptionalValue("vetpacs.worklist.station", String.class)
        .orElse(null);
    return new OrderWorklistService(orders, patients, owners, organizations, practitioners,
        worklist, station, ZoneId.systemDefault());
  }

  @Produces
  @Singleton
  SubscriptionService subscriptions(FhirContext ctx, MongoFhirResourceStore store,
      FhirValidation v) {
    return new SubscriptionService(ctx, store, v);
  }

  @Produces
  @Singleton
  ImagingStudyService studies(IndexRepository index, PatientService patients,
      RelatedPersonService owners, ServiceRequestService orders) {
    return new ImagingStudyService(index, patients, owners, orders);
  }

  @Produces
  @Singleton
  TaskService tasks(FhirContext ctx, MongoFhirResourceStore store) {
    return new TaskService(ctx, store);
  }

  @Produces
  @Singleton
  RadiologistReviewService reviews(TaskService tasks, DiagnosticReportService reports) {
    return new RadiologistReviewService(tasks, reports);
  }

  @Produces
  @Singleton
  ReconciliationService reconciliation(PatientService patients, RelatedPersonService owners,
      ServiceRequestService orders, TaskService tasks, ImagingStudyService studies,
      IndexRepository index, HeaderCorrectionService corrections,
      Event<FhirResourceChanged> changed) {
    return new ReconciliationService(new StudyMatcher(patients, owners, orders), tasks, patients,
        orders, studies, index, corrections,
        uid -> changed.fire(new FhirResourceChanged("ImagingStudy", uid, 0, false)));
  }

  @Produces
  @Singleton
  IncludeResolver includes(FhirContext ctx, MongoFhirResourceStore store,
      ImagingStudyService studies) {
    return new IncludeResolver(ctx, store, studies::read, studies::ofPatient);
  }
}
