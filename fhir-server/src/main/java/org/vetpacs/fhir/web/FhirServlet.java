package org.vetpacs.fhir.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.vetpacs.fhir.service.ChargeItemService;
import org.vetpacs.fhir.service.DiagnosticReportService;
import org.vetpacs.fhir.service.ImagingStudyService;
import org.vetpacs.fhir.service.IncludeResolver;
import org.vetpacs.fhir.service.OrganizationService;
import org.vetpacs.fhir.service.PatientService;
import org.vetpacs.fhir.service.PractitionerService;
import org.vetpacs.fhir.service.RelatedPersonService;
import org.vetpacs.fhir.service.ServiceRequestService;
import org.vetpacs.fhir.service.TaskService;
import org.vetpacs.fhir.service.SubscriptionService;
import org.vetpacs.model.fhir.ConformanceResources;

/**
 * The FHIR R4 base at {@code /fhir} (a more specific mapping than the JAX-RS application at
 * {@code /}): HAPI's plain server with one provider per type, JSON by default and XML on request,
 * {@code _count} paging through an in-memory paging provider (default 20, at most 200 a page), and
 * the CapabilityStatement HAPI builds from exactly these providers at {@code /fhir/metadata}.
 */
@WebServlet(urlPatterns = "/fhir/*", loadOnStartup = 1, displayName = "FHIR R4")
public class FhirServlet extends RestfulServer {

  private static final long serialVersionUID = 1L;

  @Inject transient FhirContext fhirContext;
  @Inject transient ConformanceResources conformance;
  @Inject transient PatientService patients;
  @Inject transient RelatedPersonService owners;
  @Inject transient ServiceRequestService orders;
  @Inject transient DiagnosticReportService reports;
  @Inject transient ImagingStudyService studies;
  @Inject transient IncludeResolver includes;
  @Inject transient OrganizationService organizations;
  @Inject transient PractitionerService practitioners;
  @Inject transient ChargeItemService charges;
  @Inject transient TaskService tasks;
  @Inject transient SubscriptionService subscriptions;

  @Inject
  @ConfigProperty(name = "vetpacs.base.url", defaultValue = " ")
  transient String baseUrl;

  @Override
  protected void initialize() {
    setFhirContext(fhirContext);
    setServerName("VetPACS");
    setImplementationDescription("VetPACS FHIR R4: the animal Patient, imaging orders, studies "
        + "and reports");
    setDefaultResponseEncoding(EncodingEnum.JSON);
    FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(200);
    paging.setDefaultPageSize(20);
    paging.setMaximumPageSize(200);
    setPagingProvider(paging);
    setResourceProviders(List.of(
        new PatientResourceProvider(patients, owners, includes),
        new RelatedPersonResourceProvider(owners, includes),
        new ServiceRequestResourceProvider(orders, includes),
        new ImagingStudyResourceProvider(studies, includes),
        new DiagnosticReportResourceProvider(reports, includes),
        new OrganizationResourceProvider(organizations),
        new PractitionerResourceProvider(practitioners),
        new ChargeItemResourceProvider(charges),
        new TaskResourceProvider(tasks),
        new SubscriptionResourceProvider(subscriptions),
        new EndpointResourceProvider(baseUrl == null ? null : baseUrl.trim()),
        new ConformanceResourceProvider<>(StructureDefinition.class,
            conformance.structureDefinitions()),
        new ConformanceResourceProvider<>(CodeSystem.class, conformance.codeSystems()),
        new ConformanceResourceProvider<>(ValueSet.class, conformance.valueSets()),
        new ConformanceResourceProvider<>(SearchParameter.class,
            conformance.searchParameters())));
  }
}
