package org.vetpacs.model.fhir;

/**
 * The URIs VetPACS defines or relies on. Ours live under {@value #BASE}; they are names, not
 * locations that must resolve, and they never change once published.
 *
 * <p>Identifier systems ({@code /sid/}):
 *
 * <ul>
 *   <li>{@value #SID_MICROCHIP}: the animal's transponder number under ISO 11784/11785 (15 digits:
 *       a 3-digit ISO 3166 country or manufacturer code and a 12-digit national number). No HL7 or
 *       ISO URI exists for it, so we define one; {@code Identifier.type} says "microchip" in text.
 *   <li>{@value #SID_PATIENT_ID}: the clinic's patient ID, the value written in DICOM Patient ID
 *       (0010,0020). A PIMS may use its own system instead; see {@link
 *       AnimalDicomMapping#dicomPatientId}.
 *   <li>{@value #SID_ACCESSION}: accession numbers VetPACS assigns to orders (DICOM Accession
 *       Number (0008,0050), SH: at most 16 characters).
 *   <li>{@value #SID_CLIENT_ID}: the PIMS client (owner) ID on a RelatedPerson.
 *   <li>{@value #SID_BREED_REGISTRATION_PREFIX}{@code <registry code>}: a breed registration
 *       number (Breed Registration Sequence (0010,2294)).
 * </ul>
 */
public final class VetFhir {

  private VetFhir() {}

  /** Root of every URI VetPACS defines. */
  public static final String BASE = "https://vetpacs.org/fhir";

  /** ISO 11784/11785 microchip numbers. */
  public static final String SID_MICROCHIP = BASE + "/sid/microchip";
  /** The clinic patient ID (DICOM Patient ID). */
  public static final String SID_PATIENT_ID = BASE + "/sid/patient-id";
  /** Accession numbers assigned by VetPACS. */
  public static final String SID_ACCESSION = BASE + "/sid/accession";
  /** PIMS client (owner) IDs. */
  public static final String SID_CLIENT_ID = BASE + "/sid/client-id";
  /** Breed registration numbers: this prefix + the registry's code. */
  public static final String SID_BREED_REGISTRATION_PREFIX = BASE + "/sid/breed-registration/";

  /** Code system of the species VetPACS knows (for those without a verified SNOMED CT code). */
  public static final String CS_SPECIES = BASE + "/CodeSystem/species";
  /** Code system of the breeds VetPACS knows. */
  public static final String CS_BREED = BASE + "/CodeSystem/breed";
  /** DICOM Responsible Person Role (0010,2298) defined terms, PS3.3 C.7.1.1. */
  public static final String CS_RESPONSIBLE_PERSON_ROLE = BASE + "/CodeSystem/responsible-person-role";
  /** Species value set: SNOMED CT concepts of CID 7454 plus our codes. */
  public static final String VS_SPECIES = BASE + "/ValueSet/species";
  /** Breed value set: SNOMED CT concepts of CID 7480/7486 plus our codes. */
  public static final String VS_BREED = BASE + "/ValueSet/breed";
  /** Responsible Person Role value set. */
  public static final String VS_RESPONSIBLE_PERSON_ROLE = BASE + "/ValueSet/responsible-person-role";

  /** Profile of the animal Patient. */
  public static final String SD_PATIENT = BASE + "/StructureDefinition/vet-patient";
  /** Profile of the imaging order. */
  public static final String SD_SERVICE_REQUEST = BASE + "/StructureDefinition/vet-imaging-order";
  /** Profile of the ImagingStudy derived from the DICOM index. */
  public static final String SD_IMAGING_STUDY = BASE + "/StructureDefinition/vet-imaging-study";
  /** Profile of the imaging report. */
  public static final String SD_DIAGNOSTIC_REPORT = BASE + "/StructureDefinition/vet-imaging-report";

  /** Extension naming the AI model (a contained Device) that produced a DiagnosticReport. */
  public static final String SD_AI_DEVICE = BASE + "/StructureDefinition/ai-device";
  /** The DiagnosticReport {@code imaging-study} search parameter (not in R4 core). */
  public static final String SP_DIAGNOSTIC_REPORT_IMAGING_STUDY =
      BASE + "/SearchParameter/DiagnosticReport-imaging-study";

  /** The standard extension for animal patients (R4 core). */
  public static final String EXT_PATIENT_ANIMAL =
      "http://hl7.org/fhir/StructureDefinition/patient-animal";
  /** R4 core code system of the animal's gender status. */
  public static final String CS_ANIMAL_GENDER_STATUS = "http://hl7.org/fhir/animal-genderstatus";
  /** SNOMED CT in FHIR. */
  public static final String SNOMED = "http://snomed.info/sct";
  /** HL7 v2 table 0203, identifier types (ACSN, MR...). */
  public static final String CS_V2_IDENTIFIER_TYPE =
      "http://terminology.hl7.org/CodeSystem/v2-0203";
  /** The DICOM WADO-RS endpoint connection type. */
  public static final String CS_ENDPOINT_CONNECTION_TYPE =
      "http://terminology.hl7.org/CodeSystem/endpoint-connection-type";
  /** DICOM Controlled Terminology (modalities), PS3.16. */
  public static final String DICOM_DCM = "http://dicom.nema.org/resources/ontology/DCM";
  /** Prefix of a DICOM UID as a URI (RFC 3001). */
  public static final String URN_OID = "urn:oid:";
}
