package org.vetpacs.fhir.web;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.StringOrListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.vetpacs.fhir.service.IncludeResolver;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.vetpacs.fhir.service.ServiceRequestService;

/** {@code /fhir/ServiceRequest}: the imaging order. */
public class ServiceRequestResourceProvider implements IResourceProvider {

  private final ServiceRequestService orders;
  private final IncludeResolver includes;

  ServiceRequestResourceProvider(ServiceRequestService orders, IncludeResolver includes) {
    this.orders = orders;
    this.includes = includes;
  }

  @Override
  public Class<ServiceRequest> getResourceType() {
    return ServiceRequest.class;
  }

  @Read(version = true)
  public ServiceRequest read(@IdParam IdType id) {
    return id.hasVersionIdPart() ? orders.vread(id.getIdPart(), id.getVersionIdPart())
        : orders.read(id.getIdPart());
  }

  @History
  public List<ServiceRequest> history(@IdParam IdType id) {
    return orders.history(id.getIdPart());
  }

  @Create
  public MethodOutcome create(@ResourceParam ServiceRequest order,
      @ConditionalUrlParam String ifNoneExist) {
    return Outcomes.created(orders.create(order, ifNoneExist));
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam ServiceRequest order) {
    return Outcomes.updated(orders.update(id.getIdPart(), id.getVersionIdPart(), order));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenOrListParam ids,
      @Description(shortDefinition = "Identifier; the accession number has system "
          + "https://vetpacs.org/fhir/sid/accession")
          @OptionalParam(name = ServiceRequest.SP_IDENTIFIER) TokenOrListParam identifier,
      @OptionalParam(name = ServiceRequest.SP_PATIENT, targetTypes = Patient.class)
          ReferenceOrListParam patient,
      @OptionalParam(name = ServiceRequest.SP_SUBJECT) ReferenceOrListParam subject,
      @OptionalParam(name = ServiceRequest.SP_STATUS) TokenOrListParam status,
      @OptionalParam(name = ServiceRequest.SP_AUTHORED) DateRangeParam authored,
      @OptionalParam(name = ServiceRequest.SP_CODE) TokenOrListParam code,
      @Sort SortSpec sort,
      @IncludeParam(allow = {"ServiceRequest:patient", "ServiceRequest:subject"})
          Set<Include> include,
      @IncludeParam(reverse = true, allow = {"DiagnosticReport:based-on"})
          Set<Include> revInclude) {
    SearchParams p = new SearchParams("ServiceRequest").ids(ids)
        .token("identifier", identifier)
        .reference("patient", patient, "Patient")
        .reference("subject", subject, "Patient")
        .token("status", status)
        .date(authored)
        .token("code", code)
        .sort(sort, ServiceRequest.SP_AUTHORED);
    return orders.search(p.build(), includes.request(include, revInclude));
  }
}
