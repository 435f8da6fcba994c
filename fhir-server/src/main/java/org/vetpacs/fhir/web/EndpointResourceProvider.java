package org.vetpacs.fhir.web;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.IdType;
import org.vetpacs.fhir.service.ImagingStudyService;
import org.vetpacs.model.fhir.VetFhir;

/**
 * {@code /fhir/Endpoint/dicom-web}: the DICOMweb (WADO-RS) root every ImagingStudy names. Its
 * address is {@code VETPACS_BASE_URL} + {@code /dicom-web} when set, else the request's base.
 */
public class EndpointResourceProvider implements IResourceProvider {

  private final String configuredBase;

  EndpointResourceProvider(String configuredBase) {
    this.configuredBase = configuredBase;
  }

  @Override
  public Class<Endpoint> getResourceType() {
    return Endpoint.class;
  }

  @Read
  public Endpoint read(@IdParam IdType id, RequestDetails request) {
    if (!ImagingStudyService.ENDPOINT_ID.equals(id.getIdPart())) {
      throw new ResourceNotFoundException(id);
    }
    return endpoint(request);
  }

  @Search
  public List<Endpoint> all(RequestDetails request) {
    return List.of(endpoint(request));
  }

  private Endpoint endpoint(RequestDetails request) {
    String base = configuredBase != null && !configuredBase.isBlank()
        ? configuredBase.replaceAll("/+$", "")
        : request.getFhirServerBase().replaceAll("/fhir/?$", "");
    Endpoint e = new Endpoint();
    e.setId(new IdType("Endpoint", ImagingStudyService.ENDPOINT_ID));
    e.setStatus(Endpoint.EndpointStatus.ACTIVE);
    e.setName("VetPACS DICOMweb");
    e.setConnectionType(new Coding(VetFhir.CS_ENDPOINT_CONNECTION_TYPE, "dicom-wado-rs",
        "DICOM WADO-RS"));
    // R4's endpoint-payload-type code system is complete with only "any" and "none": "DICOM" is
    // not one of its codes (the conformance suite's validation found it); the payload is named
    // in text, as R4's WADO-RS Endpoint example does.
    e.addPayloadType(new CodeableConcept().setText("DICOM"));
    e.addPayloadMimeType("application/dicom");
    e.setAddress(base + "/dicom-web");
    return e;
  }
}
