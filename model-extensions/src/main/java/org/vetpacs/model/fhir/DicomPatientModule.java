package org.vetpacs.model.fhir;

import java.util.List;

/**
 * The animal as the DICOM Patient Module (PS3.3 C.7.1.1) carries it, as plain strings: what a
 * DICOM toolkit reads from or writes to a header. Empty values (Type 2) are {@code null}.
 *
 * @param patientName Patient's Name (0010,0010), PN, clinic convention {@code PET^OWNER}
 * @param patientId Patient ID (0010,0020)
 * @param issuerOfPatientId Issuer of Patient ID (0010,0021)
 * @param birthDate Patient's Birth Date (0010,0030), DA {@code YYYYMMDD}
 * @param sex Patient's Sex (0010,0040): M, F or O
 * @param speciesDescription Patient Species Description (0010,2201)
 * @param speciesCode the item of Patient Species Code Sequence (0010,2202)
 * @param breedDescription Patient Breed Description (0010,2292)
 * @param breedCode the item of Patient Breed Code Sequence (0010,2293)
 * @param breedRegistrations the items of Breed Registration Sequence (0010,2294)
 * @param responsiblePerson Responsible Person (0010,2297), PN {@code FAMILY^GIVEN}
 * @param responsiblePersonRole Responsible Person Role (0010,2298), e.g. {@code OWNER}
 * @param responsibleOrganization Responsible Organization (0010,2299), the clinic
 * @param sexNeutered Patient's Sex Neutered (0010,2203): ALTERED or UNALTERED
 */
public record DicomPatientModule(
    String patientName,
    String patientId,
    String issuerOfPatientId,
    String birthDate,
    String sex,
    String speciesDescription,
    CodedValue speciesCode,
    String breedDescription,
    CodedValue breedCode,
    List<BreedRegistration> breedRegistrations,
    String responsiblePerson,
    String responsiblePersonRole,
    String responsibleOrganization,
    String sexNeutered) {

  /** Blank strings become {@code null}; a {@code null} list an empty one. */
  public DicomPatientModule {
    patientName = blankToNull(patientName);
    patientId = blankToNull(patientId);
    issuerOfPatientId = blankToNull(issuerOfPatientId);
    birthDate = blankToNull(birthDate);
    sex = blankToNull(sex);
    speciesDescription = blankToNull(speciesDescription);
    breedDescription = blankToNull(breedDescription);
    breedRegistrations = breedRegistrations == null ? List.of() : List.copyOf(breedRegistrations);
    responsiblePerson = blankToNull(responsiblePerson);
    responsiblePersonRole = blankToNull(responsiblePersonRole);
    responsibleOrganization = blankToNull(responsibleOrganization);
    sexNeutered = blankToNull(sexNeutered);
  }

  /**
   * A module with only the attributes the study index keeps (no code sequences).
   *
   * @param patientName Patient's Name
   * @param patientId Patient ID
   * @param birthDate birth date (DA)
   * @param sex Patient's Sex
   * @param speciesDescription species description
   * @param breedDescription breed description
   * @param responsiblePerson Responsible Person
   * @param responsibleOrganization Responsible Organization
   * @return the module
   */
  public static DicomPatientModule basic(
      String patientName,
      String patientId,
      String birthDate,
      String sex,
      String speciesDescription,
      String breedDescription,
      String responsiblePerson,
      String responsibleOrganization) {
    return new DicomPatientModule(
        patientName, patientId, null, birthDate, sex, speciesDescription, null, breedDescription,
        null, List.of(), responsiblePerson, null, responsibleOrganization, null);
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /**
   * One code sequence item (PS3.3 Table 8.8-1).
   *
   * @param value Code Value (0008,0100)
   * @param scheme Coding Scheme Designator (0008,0102), e.g. {@code SCT}
   * @param meaning Code Meaning (0008,0104)
   */
  public record CodedValue(String value, String scheme, String meaning) {}

  /**
   * One Breed Registration Sequence item.
   *
   * @param number Breed Registration Number (0010,2295)
   * @param registry the Breed Registry Code Sequence (0010,2296) item
   */
  public record BreedRegistration(String number, CodedValue registry) {}
}
