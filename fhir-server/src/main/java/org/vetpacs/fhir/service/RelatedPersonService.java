package org.vetpacs.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.RelatedPerson;

/**
 * The owner (RelatedPerson with relationship {@code OWNER}, see {@link
 * org.vetpacs.model.fhir.Owners}): validated against R4; searchable by identifier (PIMS client
 * ID), name, patient and relationship.
 */
public class RelatedPersonService extends ResourceService<RelatedPerson> {

  /**
   * Creates the service.
   *
   * @param ctx the R4 context
   * @param store the store
   * @param validation the validator
   */
  public RelatedPersonService(FhirContext ctx, FhirResourceStore store,
      FhirValidation validation) {
    super(ctx, store, validation);
  }

  @Override
  protected Class<RelatedPerson> type() {
    return RelatedPerson.class;
  }

  @Override
  protected String profile() {
    return null;
  }

  @Override
  protected void index(RelatedPerson r, SearchKeys keys) {
    r.getIdentifier().forEach(i -> keys.identifier("identifier", i));
    for (HumanName n : r.getName()) {
      keys.string("name", n.getText());
      keys.string("name", n.getFamily());
      n.getGiven().forEach(g -> keys.string("name", g.getValue()));
      keys.string("name", n.getNameAsSingleString());
    }
    keys.reference("patient", r.getPatient());
    r.getRelationship().forEach(c -> keys.concept("relationship", c));
  }

  /**
   * A derived owner (from a DICOM Responsible Person), stored without validation.
   *
   * @param owner the owner
   * @return the stored owner
   */
  public RelatedPerson createDerived(RelatedPerson owner) {
    return createUnvalidated(owner).resource();
  }
}
