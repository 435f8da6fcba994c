package org.vetpacs.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import java.util.Date;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.vetpacs.model.fhir.AnimalExtension;
import org.vetpacs.model.fhir.VetFhir;

/**
 * The animal Patient: validated against {@value VetFhir#SD_PATIENT}; searchable by identifier
 * (clinic ID, microchip), name parts, species and breed (SNOMED CT or our codes, or a word such as
 * {@code dog}), birth date, gender and owner link.
 */
public class PatientService extends ResourceService<Patient> {

  /**
   * Creates the service.
   *
   * @param ctx the R4 context
   * @param store the store
   * @param validation the validator
   */
  public PatientService(FhirContext ctx, FhirResourceStore store, FhirValidation validation) {
    super(ctx, store, validation);
  }

  @Override
  protected Class<Patient> type() {
    return Patient.class;
  }

  @Override
  protected String profile() {
    return VetFhir.SD_PATIENT;
  }

  @Override
  protected Date dateOf(Patient p) {
    return p.getBirthDate();
  }

  @Override
  protected void index(Patient p, SearchKeys keys) {
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
    if (p.hasGender()) {
      keys.token("gender", p.getGender().getSystem(), p.getGender().toCode());
    }
    AnimalExtension.speciesOf(p).ifPresent(c -> keys.concept("species", c));
    AnimalExtension.species(p).ifPresent(s -> keys.token("species", VetFhir.CS_SPECIES, s.name()));
    AnimalExtension.breedOf(p).ifPresent(c -> keys.concept("breed", c));
    AnimalExtension.breed(p).ifPresent(b -> keys.token("breed", VetFhir.CS_BREED, b.name()));
    p.getLink().forEach(l -> keys.reference("link", l.getOther()));
  }

  /** The code system of VetPACS's workflow tags. */
  public static final String CS_WORKFLOW_TAG = VetFhir.BASE + "/CodeSystem/workflow-tag";

  /** The tag of a Patient the server derived from a DICOM header (not registered by a PIMS). */
  public static final String DERIVED = "derived-from-dicom";

  /**
   * Whether the server derived this Patient from a DICOM header (so it is not a registered animal
   * that studies may be matched to).
   *
   * @param patient the patient
   * @return true when derived
   */
  public static boolean isDerived(Patient patient) {
    return patient.getMeta().getTag(CS_WORKFLOW_TAG, DERIVED) != null;
  }

  /**
   * Patients whose name has this folded word or text (a pet name), for identity matching.
   *
   * @param foldedName a name folded as {@link org.vetpacs.model.identity.ClinicName#fold}
   * @return at most 100 patients
   */
  public java.util.List<Patient> findByNameKey(String foldedName) {
    StoreQuery q = new StoreQuery.Builder(typeName())
        .and(new StoreQuery.AnyKey(java.util.Set.of("name=" + foldedName))).build();
    return store.search(q, 0, 100).stream().map(this::parse).toList();
  }

  /**
   * Stores a Patient the server derived (from a DICOM header), without profile validation: the
   * header may lack what our profile requires (e.g. the species), and the study must still get a
   * subject. Such a Patient claims our profile only when it has a species.
   *
   * @param patient the patient
   * @return the stored patient
   */
  public Patient createDerived(Patient patient) {
    patient.getMeta().addTag(CS_WORKFLOW_TAG, DERIVED, "Derived from a DICOM header");
    Saved<Patient> saved = createUnvalidated(patient);
    if (AnimalExtension.species(patient).isEmpty()) {
      saved.resource().getMeta().getProfile().removeIf(x -> VetFhir.SD_PATIENT.equals(x.getValue()));
    }
    return saved.resource();
  }
}
