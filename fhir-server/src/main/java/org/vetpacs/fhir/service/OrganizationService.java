package org.vetpacs.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Organization;

/**
 * The clinic (or a referring practice, a teleradiology service) as an R4 Organization: validated
 * against R4; searchable by identifier, name (and aliases) and {@code active}. A Patient's {@code
 * managingOrganization} may name it; its name is then DICOM Responsible Organization (0010,2299).
 */
public class OrganizationService extends ResourceService<Organization> {

  /**
   * Creates the service.
   *
   * @param ctx the R4 context
   * @param store the store
   * @param validation the validator
   */
  public OrganizationService(FhirContext ctx, FhirResourceStore store,
      FhirValidation validation) {
    super(ctx, store, validation);
  }

  @Override
  protected Class<Organization> type() {
    return Organization.class;
  }

  @Override
  protected String profile() {
    return null;
  }

  @Override
  protected void index(Organization o, SearchKeys keys) {
    o.getIdentifier().forEach(i -> keys.identifier("identifier", i));
    keys.string("name", o.getName());
    o.getAlias().forEach(a -> keys.string("name", a.getValue()));
    if (o.hasActive()) {
      keys.token("active", null, Boolean.toString(o.getActive()));
    }
  }
}
