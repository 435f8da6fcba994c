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
import org.hl7.fhir.r4.model.Organization;
import org.vetpacs.fhir.service.OrganizationService;

/** {@code /fhir/Organization}: the clinic, a referring practice, a teleradiology service. */
public class OrganizationResourceProvider implements IResourceProvider {

  private final OrganizationService organizations;

  OrganizationResourceProvider(OrganizationService organizations) {
    this.organizations = organizations;
  }

  @Override
  public Class<Organization> getResourceType() {
    return Organization.class;
  }

  @Read(version = true)
  public Organization read(@IdParam IdType id) {
    return id.hasVersionIdPart() ? organizations.vread(id.getIdPart(), id.getVersionIdPart())
        : organizations.read(id.getIdPart());
  }

  @History
  public List<Organization> history(@IdParam IdType id) {
    return organizations.history(id.getIdPart());
  }

  @Create
  public MethodOutcome create(@ResourceParam Organization organization,
      @ConditionalUrlParam String ifNoneExist) {
    return Outcomes.created(organizations.create(organization, ifNoneExist));
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Organization organization) {
    return Outcomes.updated(
        organizations.update(id.getIdPart(), id.getVersionIdPart(), organization));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenOrListParam ids,
      @OptionalParam(name = Organization.SP_IDENTIFIER) TokenOrListParam identifier,
      @OptionalParam(name = Organization.SP_NAME) StringOrListParam name,
      @OptionalParam(name = Organization.SP_ACTIVE) TokenOrListParam active,
      @Sort SortSpec sort) {
    SearchParams p = new SearchParams("Organization").ids(ids)
        .token("identifier", identifier)
        .string("name", name)
        .token("active", active)
        .sort(sort, "_lastUpdated");
    return organizations.search(p.build(), null);
  }
}
