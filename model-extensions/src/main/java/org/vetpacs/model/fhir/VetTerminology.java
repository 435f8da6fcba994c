package org.vetpacs.model.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.ValueSet;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.Species;

/**
 * The CodeSystems and ValueSets VetPACS publishes, built from {@link Species} and {@link Breed} so
 * that the published terminology and the code can never disagree.
 *
 * <p>Species: CodeSystem {@value VetFhir#CS_SPECIES} (code = enum name, with the SNOMED CT code as
 * a property when verified); ValueSet {@value VetFhir#VS_SPECIES} = the verified SNOMED CT
 * concepts (DICOM CID 7454) + all of our codes. Breeds likewise (CID 7480/7486). Responsible Person
 * Role: the defined terms of DICOM (0010,2298), PS3.3 C.7.1.1.
 */
public final class VetTerminology {

  private VetTerminology() {}

  /** Version written in every resource; follows the project version. */
  public static final String VERSION = "0.1.0";

  /** DICOM Responsible Person Role (0010,2298) defined terms, PS3.3 C.7.1.1. */
  public static final List<String> RESPONSIBLE_PERSON_ROLES = List.of(
      "OWNER", "PARENT", "CHILD", "SPOUSE", "SIBLING", "RELATIVE", "GUARDIAN", "CUSTODIAN",
      "AGENT", "INVESTIGATOR", "VETERINARIAN");

  /**
   * All terminology resources.
   *
   * @return the code systems then the value sets
   */
  public static List<org.hl7.fhir.r4.model.MetadataResource> all() {
    return List.of(speciesCodeSystem(), breedCodeSystem(), roleCodeSystem(), speciesValueSet(),
        breedValueSet(), roleValueSet());
  }

  /**
   * The species code system.
   *
   * @return the CodeSystem
   */
  public static CodeSystem speciesCodeSystem() {
    CodeSystem cs = codeSystem("vetpacs-species", VetFhir.CS_SPECIES, "VetPacsSpecies",
        "VetPACS species",
        "The species VetPACS knows. Codes are the names used in the software; each concept with a "
            + "verified SNOMED CT code (DICOM CID 7454) carries it as property 'snomed'.");
    cs.addProperty().setCode("snomed").setType(CodeSystem.PropertyType.CODE)
        .setUri(VetFhir.SNOMED).setDescription("The SNOMED CT concept id");
    cs.addProperty().setCode("dicomDescription").setType(CodeSystem.PropertyType.STRING)
        .setDescription("Text written in Patient Species Description (0010,2201)");
    for (Species s : Species.values()) {
      CodeSystem.ConceptDefinitionComponent c = cs.addConcept().setCode(s.name())
          .setDisplay(AnimalExtension.display(s));
      if (s.snomedCode() != null) {
        c.setDefinition(s.snomedDisplay() + " (SNOMED CT " + s.snomedCode() + ")");
        c.addProperty().setCode("snomed").setValue(new CodeType(s.snomedCode()));
      } else {
        c.setDefinition("Any " + s.commonName() + "; no SNOMED CT code verified");
      }
      c.addProperty().setCode("dicomDescription").setValue(new StringType(s.dicomDescription()));
    }
    cs.setCount(cs.getConcept().size());
    return cs;
  }

  /**
   * The breed code system.
   *
   * @return the CodeSystem
   */
  public static CodeSystem breedCodeSystem() {
    CodeSystem cs = codeSystem("vetpacs-breed", VetFhir.CS_BREED, "VetPacsBreed", "VetPACS breeds",
        "Common dog, cat and horse breeds. Each concept with a verified SNOMED CT code (DICOM CID "
            + "7480/7486) carries it as property 'snomed'; property 'species' names the species.");
    cs.addProperty().setCode("snomed").setType(CodeSystem.PropertyType.CODE)
        .setUri(VetFhir.SNOMED).setDescription("The SNOMED CT concept id");
    cs.addProperty().setCode("species").setType(CodeSystem.PropertyType.CODE)
        .setUri(VetFhir.CS_SPECIES).setDescription("The species (code of " + VetFhir.CS_SPECIES + ")");
    for (Breed b : Breed.values()) {
      CodeSystem.ConceptDefinitionComponent c = cs.addConcept().setCode(b.name())
          .setDisplay(b.description() + " (" + b.species().commonName() + ")");
      if (b.snomedCode() != null) {
        c.setDefinition(b.snomedDisplay() + " (SNOMED CT " + b.snomedCode() + ")");
        c.addProperty().setCode("snomed").setValue(new CodeType(b.snomedCode()));
      } else {
        c.setDefinition(b.description() + "; no SNOMED CT code verified");
      }
      c.addProperty().setCode("species").setValue(new CodeType(b.species().name()));
    }
    cs.setCount(cs.getConcept().size());
    return cs;
  }

  /**
   * The Responsible Person Role code system.
   *
   * @return the CodeSystem
   */
  public static CodeSystem roleCodeSystem() {
    CodeSystem cs = codeSystem("vetpacs-responsible-person-role",
        VetFhir.CS_RESPONSIBLE_PERSON_ROLE, "ResponsiblePersonRole", "Responsible Person Role",
        "The defined terms of DICOM Responsible Person Role (0010,2298), PS3.3 C.7.1.1, used as "
            + "RelatedPerson.relationship so that the owner maps to DICOM without translation.");
    for (String role : RESPONSIBLE_PERSON_ROLES) {
      cs.addConcept().setCode(role).setDisplay(role.charAt(0) + role.substring(1).toLowerCase());
    }
    cs.setCount(cs.getConcept().size());
    return cs;
  }

  /**
   * The species value set.
   *
   * @return the ValueSet
   */
  public static ValueSet speciesValueSet() {
    ValueSet vs = valueSet("vetpacs-species", VetFhir.VS_SPECIES, "VetPacsSpeciesVS",
        "VetPACS species", "Verified SNOMED CT species concepts (DICOM CID 7454) and all VetPACS "
            + "species codes.");
    ValueSet.ConceptSetComponent sct = vs.getCompose().addInclude().setSystem(VetFhir.SNOMED);
    for (Species s : Species.values()) {
      if (s.snomedCode() != null) {
        sct.addConcept().setCode(s.snomedCode()).setDisplay(s.snomedDisplay());
      }
    }
    vs.getCompose().addInclude().setSystem(VetFhir.CS_SPECIES);
    return vs;
  }

  /**
   * The breed value set.
   *
   * @return the ValueSet
   */
  public static ValueSet breedValueSet() {
    ValueSet vs = valueSet("vetpacs-breed", VetFhir.VS_BREED, "VetPacsBreedVS", "VetPACS breeds",
        "Verified SNOMED CT breed concepts (DICOM CID 7480/7486) and all VetPACS breed codes.");
    ValueSet.ConceptSetComponent sct = vs.getCompose().addInclude().setSystem(VetFhir.SNOMED);
    for (Breed b : Breed.values()) {
      if (b.snomedCode() != null) {
        sct.addConcept().setCode(b.snomedCode()).setDisplay(b.snomedDisplay());
      }
    }
    vs.getCompose().addInclude().setSystem(VetFhir.CS_BREED);
    return vs;
  }

  /**
   * The Responsible Person Role value set.
   *
   * @return the ValueSet
   */
  public static ValueSet roleValueSet() {
    ValueSet vs = valueSet("vetpacs-responsible-person-role", VetFhir.VS_RESPONSIBLE_PERSON_ROLE,
        "ResponsiblePersonRoleVS", "Responsible Person Role", "All DICOM Responsible Person Roles.");
    vs.getCompose().addInclude().setSystem(VetFhir.CS_RESPONSIBLE_PERSON_ROLE);
    return vs;
  }

  private static CodeSystem codeSystem(String id, String url, String name, String title,
      String description) {
    CodeSystem cs = new CodeSystem();
    cs.setId(id);
    cs.setUrl(url).setVersion(VERSION).setName(name).setTitle(title)
        .setStatus(PublicationStatus.ACTIVE).setExperimental(false).setPublisher("VetPACS")
        .setDescription(description).setCaseSensitive(true)
        .setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
    return cs;
  }

  private static ValueSet valueSet(String id, String url, String name, String title,
      String description) {
    ValueSet vs = new ValueSet();
    vs.setId(id);
    vs.setUrl(url).setVersion(VERSION).setName(name).setTitle(title)
        .setStatus(PublicationStatus.ACTIVE).setExperimental(false).setPublisher("VetPACS")
        .setDescription(description);
    return vs;
  }
}
