package org.vetpacs.fhir.web;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringOrListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.vetpacs.fhir.service.PractitionerService;

/** {@code /fhir/Practitioner}: veterinarians and radiologists. */
public class PractitionerResourceProvider implements IResourceProvider {

  private final PractitionerService practitioners;

  PractitionerResourceProvider(PractitionerService practitioners) {
    this.practitioners = practitioners;
  }

  @Override
  public Class<Practitioner> getResourceType() {
    return Practitioner.class;
  }

  @Read(version = true)
  public Practitioner read(@IdParam IdType id) {
    return id.hasVersionIdPart() ? practitioners.vread(id.getIdPart(), id.getVersionIdPart())
        : practitioners.read(id.getIdPart());
  }

  @History
  public List<Practitioner> history(@IdParam IdType id) {
    return practitioners.history(id.getIdPart());
  }

  @Create
  public MethodOutcome create(@ResourceParam Practitioner practitioner,
      @ConditionalUrlParam String ifNoneExist) {
    return Outcomes.created(practitioners.create(practitioner, ifNoneExist));
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Practitioner practitioner) {
    return Outcomes.updated(
        practitioners.update(id.getIdPart(), id.getVersionIdPart(), practitioner));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenOrListParam ids,
      @OptionalParam(name = Practitioner.SP_IDENTIFIER) TokenOrListParam identifier,
      @OptionalParam(name = Practitioner.SP_NAME) StringOrListParam name,
      @OptionalParam(name = Practitioner.SP_FAMILY) StringOrListParam family,
      @OptionalParam(name = Practitioner.SP_GIVEN) StringOrListParam given,
      @OptionalParam(name = Practitioner.SP_ACTIVE) TokenOrListParam active,
      @Sort SortSpec sort) {
    SearchParams p = new SearchParams("Practitioner").ids(ids)
        .token("identifier", identifier)
        .string("name", name)
        .string("family", family)
        .string("given", given)
        .token("active", active)
        .sort(sort, "_lastUpdated");
    return practitioners.search(p.build(), null);
  }
}
