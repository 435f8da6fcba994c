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
import org.hl7.fhir.r4.model.RelatedPerson;
import org.vetpacs.fhir.service.RelatedPersonService;

/** {@code /fhir/RelatedPerson}: the owner. */
public class RelatedPersonResourceProvider implements IResourceProvider {

  private final RelatedPersonService owners;
  private final IncludeResolver includes;

  RelatedPersonResourceProvider(RelatedPersonService owners, IncludeResolver includes) {
    this.owners = owners;
    this.includes = includes;
  }

  @Override
  public Class<RelatedPerson> getResourceType() {
    return RelatedPerson.class;
  }

  @Read(version = true)
  public RelatedPerson read(@IdParam IdType id) {
    return id.hasVersionIdPart() ? owners.vread(id.getIdPart(), id.getVersionIdPart())
        : owners.read(id.getIdPart());
  }

  @Create
  public MethodOutcome create(@ResourceParam RelatedPerson owner,
      @ConditionalUrlParam String ifNoneExist) {
    return Outcomes.created(owners.create(owner, ifNoneExist));
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam RelatedPerson owner) {
    return Outcomes.updated(owners.update(id.getIdPart(), id.getVersionIdPart(), owner));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenOrListParam ids,
      @OptionalParam(name = RelatedPerson.SP_IDENTIFIER) TokenOrListParam identifier,
      @OptionalParam(name = RelatedPerson.SP_NAME) StringOrListParam name,
      @OptionalParam(name = RelatedPerson.SP_PATIENT, targetTypes = Patient.class)
          ReferenceOrListParam patient,
      @OptionalParam(name = RelatedPerson.SP_RELATIONSHIP) TokenOrListParam relationship,
      @Sort SortSpec sort,
      @IncludeParam(allow = {"RelatedPerson:patient"}) Set<Include> include) {
    SearchParams p = new SearchParams("RelatedPerson").ids(ids)
        .token("identifier", identifier)
        .string("name", name)
        .reference("patient", patient, "Patient")
        .token("relationship", relationship)
        .sort(sort, "_lastUpdated");
    return owners.search(p.build(), includes.request(include, null));
  }
}
