package org.vetpacs.fhir.web;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.vetpacs.fhir.service.ChargeItemService;

/**
 * {@code /fhir/ChargeItem}: the charge of each imaging order, maintained by the server (read and
 * search only; see {@link ChargeItemService} for the status rule).
 */
public class ChargeItemResourceProvider implements IResourceProvider {

  private final ChargeItemService charges;

  ChargeItemResourceProvider(ChargeItemService charges) {
    this.charges = charges;
  }

  @Override
  public Class<ChargeItem> getResourceType() {
    return ChargeItem.class;
  }

  @Read(version = true)
  public ChargeItem read(@IdParam IdType id) {
    return id.hasVersionIdPart() ? charges.vread(id.getIdPart(), id.getVersionIdPart())
        : charges.read(id.getIdPart());
  }

  @History
  public List<ChargeItem> history(@IdParam IdType id) {
    return charges.history(id.getIdPart());
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenOrListParam ids,
      @Description(shortDefinition = "The order's accession number (system "
          + "https://vetpacs.org/fhir/sid/accession)")
          @OptionalParam(name = ChargeItem.SP_IDENTIFIER) TokenOrListParam identifier,
      @OptionalParam(name = ChargeItem.SP_PATIENT, targetTypes = Patient.class)
          ReferenceOrListParam patient,
      @OptionalParam(name = ChargeItem.SP_SUBJECT) ReferenceOrListParam subject,
      @Description(shortDefinition = "The ServiceRequest billed (kept in supportingInformation: "
          + "R4's service cannot reference an order) or the ImagingStudy done for it")
          @OptionalParam(name = ChargeItem.SP_SERVICE) ReferenceOrListParam service,
      @Description(shortDefinition = "planned | billable | not-billable | entered-in-error "
          + "(SearchParameter https://vetpacs.org/fhir/SearchParameter/ChargeItem-status)")
          @OptionalParam(name = "status") TokenOrListParam status,
      @OptionalParam(name = ChargeItem.SP_ENTERED_DATE) DateRangeParam enteredDate,
      @OptionalParam(name = ChargeItem.SP_CODE) TokenOrListParam code,
      @Sort SortSpec sort) {
    SearchParams p = new SearchParams("ChargeItem").ids(ids)
        .token("identifier", identifier)
        .reference("patient", patient, "Patient")
        .reference("subject", subject, "Patient")
        .reference("service", service, "ServiceRequest")
        .token("status", status)
        .date(enteredDate)
        .token("code", code)
        .sort(sort, ChargeItem.SP_ENTERED_DATE);
    return charges.search(p.build(), null);
  }
}
