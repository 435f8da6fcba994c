package org.vetpacs.model.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.NeuterStatus;
import org.vetpacs.model.animal.Sex;
import org.vetpacs.model.animal.SnomedConcept;
import org.vetpacs.model.animal.Species;
import org.vetpacs.model.fhir.DicomPatientModule.BreedRegistration;
import org.vetpacs.model.fhir.DicomPatientModule.CodedValue;
import org.vetpacs.model.identity.AnimalIdentity;
import org.vetpacs.model.identity.ClinicName;

/**
 * The DICOM Patient Module &lt;-&gt; FHIR mapping of the animal, both directions, in one place.
 *
 * <table>
 *   <caption>Attribute by attribute</caption>
 *   <tr><th>DICOM (PS3.3 C.7.1.1)</th><th>FHIR R4</th></tr>
 *   <tr><td>Patient's Name (0010,0010) {@code PET^OWNER}</td>
 *       <td>{@code Patient.name}: given = pet, family = owner family (see {@link ClinicName})</td></tr>
 *   <tr><td>Patient ID (0010,0020), Issuer (0010,0021)</td>
 *       <td>{@code Patient.identifier} system {@value VetFhir#SID_PATIENT_ID}, assigner = issuer</td></tr>
 *   <tr><td>Patient's Birth Date (0010,0030)</td><td>{@code Patient.birthDate}</td></tr>
 *   <tr><td>Patient's Sex (0010,0040)</td><td>{@code Patient.gender} (O = other)</td></tr>
 *   <tr><td>Species Description (0010,2201) / Code Sequence (0010,2202)</td>
 *       <td>{@code patient-animal.species} text / SNOMED CT coding (scheme SCT)</td></tr>
 *   <tr><td>Breed Description (0010,2292) / Code Sequence (0010,2293)</td>
 *       <td>{@code patient-animal.breed} text / SNOMED CT coding</td></tr>
 *   <tr><td>Patient's Sex Neutered (0010,2203)</td>
 *       <td>{@code patient-animal.genderStatus}: ALTERED = neutered, UNALTERED = intact</td></tr>
 *   <tr><td>Breed Registration Sequence (0010,2294)</td>
 *       <td>{@code Patient.identifier} system {@value VetFhir#SID_BREED_REGISTRATION_PREFIX}{registry code}</td></tr>
 *   <tr><td>Responsible Person (0010,2297) / Role (0010,2298)</td>
 *       <td>a {@code RelatedPerson} (name, relationship = role, OWNER by default)</td></tr>
 *   <tr><td>Responsible Organization (0010,2299)</td>
 *       <td>{@code Patient.managingOrganization.display}</td></tr>
 * </table>
 *
 * <p>Where DICOM has a code and FHIR a CodeableConcept, the SNOMED CT code is kept as received even
 * when VetPACS does not know it; a known code also gets our own coding.
 */
public final class AnimalDicomMapping {

  private AnimalDicomMapping() {}

  /**
   * The FHIR side of a DICOM Patient Module.
   *
   * @param patient the Patient (no id)
   * @param owner the Responsible Person as a RelatedPerson, or {@code null} when the header names
   *     none; its {@code patient} reference is left for the caller to set
   */
  public record AnimalResources(Patient patient, RelatedPerson owner) {}

  /**
   * DICOM to FHIR.
   *
   * @param m the header values
   * @return the Patient and the owner
   */
  public static AnimalResources toFhir(DicomPatientModule m) {
    Patient patient = new Patient();
    if (m.patientId() != null) {
      Identifier id = patient.addIdentifier().setSystem(VetFhir.SID_PATIENT_ID).setValue(m.patientId());
      if (m.issuerOfPatientId() != null) {
        id.setAssigner(new Reference().setDisplay(m.issuerOfPatientId()));
      }
    }
    PersonName owner = PersonName.parse(m.responsiblePerson());
    ClinicName name = ClinicName.parse(m.patientName(), owner.family());
    if (!name.isEmpty()) {
      HumanName human = patient.addName().setUse(HumanName.NameUse.OFFICIAL);
      human.addGiven(name.petDisplay());
      if (!name.ownerFamily().isEmpty()) {
        human.setFamily(name.ownerDisplay());
      }
      human.setText(
          (name.petDisplay() + " " + name.ownerDisplay()).trim());
    }
    if (m.birthDate() != null && m.birthDate().matches("[0-9]{8}")) {
      String d = m.birthDate();
      patient.setBirthDateElement(
          new DateType(d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6, 8)));
    }
    Sex.fromText(m.sex())
        .ifPresent(s -> patient.setGender(AdministrativeGender.fromCode(s.fhirGender())));

    Species species = fromCode(m.speciesCode()).flatMap(Species::fromSnomedCode)
        .or(() -> Species.fromText(m.speciesDescription()))
        .orElse(null);
    Breed breed = breedFromCode(m.breedCode())
        .or(() -> Breed.fromText(m.breedDescription(), species))
        .orElse(null);
    NeuterStatus neuter = NeuterStatus.fromText(m.sexNeutered()).orElse(null);
    AnimalExtension.write(patient, species, m.speciesDescription(), breed, m.breedDescription(),
        neuter);
    // A code VetPACS does not know is kept as received.
    keepUnknownCode(AnimalExtension.speciesOf(patient).orElse(null), m.speciesCode(), species);
    if (breed == null && m.breedCode() != null) {
      AnimalExtension.find(patient).ifPresent(ext -> {
        if (ext.getExtensionByUrl("breed") == null) {
          ext.addExtension("breed", new CodeableConcept());
        }
      });
      keepUnknownCode(AnimalExtension.breedOf(patient).orElse(null), m.breedCode(), null);
    }
    for (BreedRegistration r : m.breedRegistrations()) {
      if (r.number() != null && r.registry() != null && r.registry().value() != null) {
        patient.addIdentifier()
            .setSystem(VetFhir.SID_BREED_REGISTRATION_PREFIX + r.registry().value())
            .setValue(r.number())
            .setType(new CodeableConcept().setText(
                r.registry().meaning() == null ? "Breed registration" : r.registry().meaning()));
      }
    }
    if (m.responsibleOrganization() != null) {
      patient.setManagingOrganization(new Reference().setDisplay(m.responsibleOrganization()));
    }
    RelatedPerson related = null;
    if (!owner.isEmpty()) {
      related = Owners.owner(owner.family(), owner.given(), null, null, null, null);
      related.setRelationship(new ArrayList<>(List.of(Owners.relationship(m.responsiblePersonRole()))));
    }
    return new AnimalResources(patient, related);
  }

  private static void keepUnknownCode(CodeableConcept concept, CodedValue code, Object known) {
    if (concept == null || code == null || code.value() == null || known != null) {
      return;
    }
    String system = SnomedConcept.DICOM_CODING_SCHEME.equals(code.scheme())
        || "SRT".equals(code.scheme()) ? VetFhir.SNOMED : "urn:dicom:scheme:" + code.scheme();
    concept.addCoding(new Coding(system, code.value(), code.meaning()));
  }

  private static Optional<String> fromCode(CodedValue code) {
    if (code == null || code.value() == null) {
      return Optional.empty();
    }
    // SCT is the designator since 2019; SRT (SNOMED RT ids) is the retired one (PS3.16 8).
    return SnomedConcept.DICOM_CODING_SCHEME.equals(code.scheme()) || code.scheme() == null
        ? Optional.of(code.value()) : Optional.empty();
  }

  private static Optional<Breed> breedFromCode(CodedValue code) {
    return fromCode(code).flatMap(c -> {
      for (Breed b : Breed.values()) {
        if (c.equals(b.snomedCode())) {
          return Optional.of(b);
        }
      }
      return Optional.empty();
    });
  }

  /**
   * FHIR to DICOM.
   *
   * @param patient the Patient
   * @param owner the owner, or {@code null} (the owner family in the patient's name is then used
   *     for Patient's Name only)
   * @return the header values
   */
  public static DicomPatientModule toDicom(Patient patient, RelatedPerson owner) {
    ClinicName name = clinicName(patient, owner);
    String birth = patient.hasBirthDateElement() && patient.getBirthDateElement().getValueAsString() != null
        ? patient.getBirthDateElement().getValueAsString().replace("-", "") : null;
    if (birth != null && birth.length() != 8) {
      birth = null; // a year or year-month only: DA needs the full date
    }
    String sex = patient.hasGender()
        ? switch (patient.getGender()) {
            case MALE -> "M";
            case FEMALE -> "F";
            case OTHER -> "O";
            default -> null;
          }
        : null;
    Optional<CodeableConcept> speciesConcept = AnimalExtension.speciesOf(patient);
    Species species = speciesConcept.flatMap(AnimalExtension::species).orElse(null);
    String speciesDescription = speciesConcept.map(CodeableConcept::getText)
        .filter(t -> !t.isBlank())
        .orElse(species == null ? null : species.dicomDescription());
    Optional<CodeableConcept> breedConcept = AnimalExtension.breedOf(patient);
    Breed breed = breedConcept.flatMap(c -> AnimalExtension.breed(c, species)).orElse(null);
    String breedDescription = breedConcept.map(CodeableConcept::getText)
        .filter(t -> !t.isBlank())
        .orElse(breed == null ? null : breed.description());
    List<BreedRegistration> registrations = new ArrayList<>();
    for (Identifier i : patient.getIdentifier()) {
      if (i.hasSystem() && i.getSystem().startsWith(VetFhir.SID_BREED_REGISTRATION_PREFIX)) {
        String registry = i.getSystem().substring(VetFhir.SID_BREED_REGISTRATION_PREFIX.length());
        registrations.add(new BreedRegistration(i.getValue(),
            new CodedValue(registry, "99VETPACS", i.getType().getText())));
      }
    }
    String responsible = null;
    String role = null;
    if (owner != null && owner.hasName()) {
      HumanName n = owner.getNameFirstRep();
      responsible = PersonName.toDicom(n.getFamily(), n.getGivenAsSingleString());
      role = Owners.role(owner).orElse(Owners.OWNER);
    }
    return new DicomPatientModule(
        name.toDicom(),
        dicomPatientId(patient).orElse(null),
        null,
        birth,
        sex,
        speciesDescription,
        snomed(speciesConcept.orElse(null)),
        breedDescription,
        snomed(breedConcept.orElse(null)),
        registrations,
        responsible,
        role,
        patient.hasManagingOrganization() ? patient.getManagingOrganization().getDisplay() : null,
        AnimalExtension.neuterStatus(patient).map(NeuterStatus::dicomValue).orElse(null));
  }

  /**
   * The value for DICOM Patient ID: the identifier with system {@value VetFhir#SID_PATIENT_ID},
   * else the first identifier that is not a microchip or breed registration.
   *
   * @param patient the patient
   * @return the ID or empty
   */
  public static Optional<String> dicomPatientId(Patient patient) {
    Optional<String> ours = patient.getIdentifier().stream()
        .filter(i -> VetFhir.SID_PATIENT_ID.equals(i.getSystem()) && i.hasValue())
        .map(Identifier::getValue)
        .findFirst();
    if (ours.isPresent()) {
      return ours;
    }
    return patient.getIdentifier().stream()
        .filter(i -> i.hasValue()
            && !VetFhir.SID_MICROCHIP.equals(i.getSystem())
            && !(i.hasSystem() && i.getSystem().startsWith(VetFhir.SID_BREED_REGISTRATION_PREFIX)))
        .map(Identifier::getValue)
        .findFirst();
  }

  /**
   * The clinic name of a patient: pet = the given names of the first name, owner = its family,
   * else the owner's family name, else parsed from {@code HumanName.text}.
   *
   * @param patient the patient
   * @param owner the owner or {@code null}
   * @return the name
   */
  public static ClinicName clinicName(Patient patient, RelatedPerson owner) {
    String ownerFamily = owner != null && owner.hasName() ? owner.getNameFirstRep().getFamily() : null;
    if (!patient.hasName()) {
      return new ClinicName("", ownerFamily);
    }
    HumanName n = patient.getNameFirstRep();
    if (n.hasGiven()) {
      return new ClinicName(n.getGivenAsSingleString(), n.hasFamily() ? n.getFamily() : ownerFamily);
    }
    if (n.hasText()) {
      return ClinicName.parse(n.getText(), ownerFamily);
    }
    // family only: a PIMS that puts the pet name in family
    return new ClinicName(n.getFamily(), ownerFamily);
  }

  /**
   * The identity used by {@link org.vetpacs.model.identity.PatientMatcher}.
   *
   * @param patient the patient
   * @param owner the owner or {@code null}
   * @return the identity
   */
  public static AnimalIdentity identity(Patient patient, RelatedPerson owner) {
    String ownerKey = null;
    if (owner != null) {
      ownerKey = owner.getIdentifier().stream()
          .filter(i -> VetFhir.SID_CLIENT_ID.equals(i.getSystem()) && i.hasValue())
          .map(i -> "client:" + i.getValue())
          .findFirst()
          .orElse(owner.hasName() ? owner.getNameFirstRep().getFamily() : null);
    }
    java.time.LocalDate birth = null;
    if (patient.hasBirthDateElement()
        && patient.getBirthDateElement().getPrecision() == ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
      birth = java.time.LocalDate.parse(patient.getBirthDateElement().getValueAsString());
    }
    return new AnimalIdentity(
        dicomPatientId(patient).orElse(null),
        clinicName(patient, owner),
        ownerKey,
        AnimalExtension.species(patient).orElse(null),
        birth);
  }

  /**
   * The identity of a DICOM header.
   *
   * @param m the header values
   * @return the identity (owner = Responsible Person family name)
   */
  public static AnimalIdentity identity(DicomPatientModule m) {
    PersonName owner = PersonName.parse(m.responsiblePerson());
    java.time.LocalDate birth = null;
    if (m.birthDate() != null && m.birthDate().matches("[0-9]{8}")) {
      String d = m.birthDate();
      birth = java.time.LocalDate.of(Integer.parseInt(d.substring(0, 4)),
          Integer.parseInt(d.substring(4, 6)), Integer.parseInt(d.substring(6, 8)));
    }
    Species species = fromCode(m.speciesCode()).flatMap(Species::fromSnomedCode)
        .or(() -> Species.fromText(m.speciesDescription())).orElse(null);
    return new AnimalIdentity(m.patientId(), ClinicName.parse(m.patientName(), owner.family()),
        owner.isEmpty() ? null : owner.family(), species, birth);
  }

  private static CodedValue snomed(CodeableConcept concept) {
    if (concept == null) {
      return null;
    }
    for (Coding c : concept.getCoding()) {
      if (VetFhir.SNOMED.equals(c.getSystem()) && c.hasCode()) {
        return new CodedValue(c.getCode(), SnomedConcept.DICOM_CODING_SCHEME, c.getDisplay());
      }
    }
    return null;
  }

  /** A person name (PN {@code FAMILY^GIVEN}, or words "Given Family", or "Family, Given"). */
  record PersonName(String family, String given) {
    static PersonName parse(String text) {
      if (text == null || text.isBlank()) {
        return new PersonName(null, null);
      }
      String t = text.trim();
      if (t.contains("^")) {
        String[] c = t.split("\\^", -1);
        return new PersonName(display(c[0]), c.length > 1 && !c[1].isBlank() ? display(c[1]) : null);
      }
      if (t.contains(",")) {
        int comma = t.indexOf(',');
        String given = t.substring(comma + 1).trim();
        return new PersonName(t.substring(0, comma).trim(), given.isEmpty() ? null : given);
      }
      String[] words = t.split("\\s+");
      if (words.length == 1) {
        return new PersonName(words[0], null);
      }
      return new PersonName(words[words.length - 1],
          String.join(" ", java.util.Arrays.copyOf(words, words.length - 1)));
    }

    boolean isEmpty() {
      return family == null || family.isBlank();
    }

    static String toDicom(String family, String given) {
      String f = family == null ? "" : family.toUpperCase(Locale.ROOT);
      return given == null || given.isBlank() ? f : f + "^" + given.toUpperCase(Locale.ROOT);
    }

    private static String display(String part) {
      return new ClinicName(part, "").petDisplay();
    }
  }
}
