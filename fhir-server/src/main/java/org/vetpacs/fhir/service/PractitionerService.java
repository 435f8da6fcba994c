package org.vetpacs.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * A veterinarian or radiologist as an R4 Practitioner: validated against R4; searchable by
 * identifier (e.g. a licence number), name (family, given, whole) and {@code active}. A
 * ServiceRequest's {@code requester} may name it; its name is then DICOM Requesting Physician
 * (0032,1032).
 */
public class PractitionerService extends ResourceService<Practitioner> {

  /**
   * Creates the service.
   *
   * @param ctx the R4 context
   * @param store the store
   * @param validation the validator
   */
  public PractitionerService(FhirContext ctx, FhirResourceStore store,
      FhirValidation validation) {
    super(ctx, store, validation);
  }

  @Override
  protected Class<Practitioner> type() {
    return Practitioner.class;
  }

  @Override
  protected String profile() {
    return null;
  }

  @Override
  protected void index(Practitioner p, SearchKeys keys) {
    p.getIdentifier().forEach(i -> keys.identifier("identifier", i));
    for (HumanName n : p.getName()) {
      keys.string("name", n.getText());
      keys.string("name", n.getFamily());
      keys.string("family", n.getFamily());
      n.getGiven().forEach(g -> {
        keys.string("name", g.getValue());
        keys.string("given", g.getValue());
      });
      keys.string("name", n.getNameAsSingleString());
    }
    if (p.hasActive()) {
      keys.token("active", null, Boolean.toString(p.getActive()));
    }
  }
}
