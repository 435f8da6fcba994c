package org.vetpacs.dicomweb.worklist;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * One Modality Worklist item in the {@code worklist} collection: the attributes of one Requested
 * Procedure with its single Scheduled Procedure Step, as PS3.4 K.6 (Modality Worklist Information
 * Model) returns them in Table K.6-1, plus the veterinary attributes of the Patient Module (PS3.3
 * C.7.1.1). Values are stored as their DICOM strings, already validated and normalized by {@link
 * WorklistService}; the id is a server-generated UUID.
 *
 * <p>The entity is flat: PS3.4 K.6 nests the step in Scheduled Procedure Step Sequence (0040,0100),
 * but this archive keeps exactly one step per item, so the step's attributes sit beside the others
 * and the nesting is written only in the DICOM JSON ({@link WorklistDicomJson}).
 */
@Entity("worklist")
public class WorklistItem {
  /** Server-generated id (a UUID), used in {@code /api/worklist/{id}}. */
  @Id private String id;

  /** Patient's Name (0010,0010), PN, clinic convention {@code PETNAME^OWNERLAST}. */
  @Column private String patientName;

  /** Patient ID (0010,0020), LO. */
  @Column private String patientId;

  /** Patient's Birth Date (0010,0030), DA, may be empty. */
  @Column private String patientBirthDate;

  /** Patient's Sex (0010,0040), CS: M, F, O or empty. */
  @Column private String patientSex;

  /** Patient's Sex Neutered (0010,2203), CS: ALTERED, UNALTERED or empty. */
  @Column private String patientSexNeutered;

  /** Patient Species Description (0010,2201), LO. */
  @Column private String patientSpeciesDescription;

  /** SNOMED CT code of Patient Species Code Sequence (0010,2202), or null. */
  @Column private String patientSpeciesCode;

  /** Code Meaning of that code, or null. */
  @Column private String patientSpeciesCodeMeaning;

  /** Patient Breed Description (0010,2292), LO. */
  @Column private String patientBreedDescription;

  /** SNOMED CT code of Patient Breed Code Sequence (0010,2293), or null. */
  @Column private String patientBreedCode;

  /** Code Meaning of that code, or null. */
  @Column private String patientBreedCodeMeaning;

  /** Responsible Person (0010,2297), PN: the owner. */
  @Column private String responsiblePerson;

  /** Responsible Person Role (0010,2298), CS, OWNER by default. */
  @Column private String responsiblePersonRole;

  /** Responsible Organization (0010,2299), LO. */
  @Column private String responsibleOrganization;

  /** Accession Number (0008,0050), SH, unique; assigned by the server if absent. */
  @Column private String accessionNumber;

  /** Requested Procedure ID (0040,1001), SH. */
  @Column private String requestedProcedureId;

  /** Requested Procedure Description (0032,1060), LO. */
  @Column private String requestedProcedureDescription;

  /** Code Value of Requested Procedure Code Sequence (0032,1064), or null. */
  @Column private String requestedProcedureCodeValue;

  /** Its Coding Scheme Designator, or null. */
  @Column private String requestedProcedureCodingSchemeDesignator;

  /** Its Code Meaning, or null. */
  @Column private String requestedProcedureCodeMeaning;

  /** Study Instance UID (0020,000D), UI; generated (2.25 form) if absent. */
  @Column private String studyInstanceUid;

  /** Requesting Physician (0032,1032), PN: who ordered the procedure. */
  @Column private String requestingPhysician;

  /** Reason for the Requested Procedure (0040,1002), LO. */
  @Column private String reasonForRequestedProcedure;

  /** Requested Procedure Priority (0040,1003), CS: STAT, HIGH, ROUTINE, MEDIUM or LOW. */
  @Column private String requestedProcedurePriority;

  /**
   * The id of the order this item was scheduled from (a FHIR ServiceRequest id), or null for an
   * item created through {@code /api/worklist}; at most one item per order.
   */
  @Column private String orderId;

  /** Referring Physician's Name (0008,0090), PN. */
  @Column private String referringPhysicianName;

  /** Modality (0008,0060), CS, in the Scheduled Procedure Step Sequence. */
  @Column private String modality;

  /** Scheduled Station AE Title (0040,0001), AE. */
  @Column private String scheduledStationAeTitle;

  /** Scheduled Procedure Step Start Date (0040,0002), DA. */
  @Column private String scheduledProcedureStepStartDate;

  /** Scheduled Procedure Step Start Time (0040,0003), TM (HHMMSS). */
  @Column private String scheduledProcedureStepStartTime;

  /** Scheduled Performing Physician's Name (0040,0006), PN. */
  @Column private String scheduledPerformingPhysicianName;

  /** Scheduled Procedure Step Description (0040,0007), LO. */
  @Column private String scheduledProcedureStepDescription;

  /** Scheduled Procedure Step ID (0040,0009), SH. */
  @Column private String scheduledProcedureStepId;

  /** Scheduled Procedure Step Status (0040,0020), a {@link ProcedureStepStatus} name. */
  @Column private String scheduledProcedureStepStatus;

  /** When the item was created (ISO-8601 instant). */
  @Column private String createdAt;

  /** When the item last changed (ISO-8601 instant). */
  @Column private String updatedAt;

  public WorklistItem() {}

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getPatientName() {
    return patientName;
  }

  public void setPatientName(String patientName) {
    this.patientName = patientName;
  }

  public String getPatientId() {
    return patientId;
  }

  public void setPatientId(String patientId) {
    this.patientId = patientId;
  }

  public String getPatientBirthDate() {
    return patientBirthDate;
  }

  public void setPatientBirthDate(String patientBirthDate) {
    this.patientBirthDate = patientBirthDate;
  }

  public String getPatientSex() {
    return patientSex;
  }

  public void setPatientSex(String patientSex) {
    this.patientSex = patientSex;
  }

  public String getPatientSexNeutered() {
    return patientSexNeutered;
  }

  public void setPatientSexNeutered(String patientSexNeutered) {
    this.patientSexNeutered = patientSexNeutered;
  }

  public String getPatientSpeciesDescription() {
    return patientSpeciesDescription;
  }

  public void setPatientSpeciesDescription(String patientSpeciesDescription) {
    this.patientSpeciesDescription = patientSpeciesDescription;
  }

  public String getPatientSpeciesCode() {
    return patientSpeciesCode;
  }

  public void setPatientSpeciesCode(String patientSpeciesCode) {
    this.patientSpeciesCode = patientSpeciesCode;
  }

  public String getPatientSpeciesCodeMeaning() {
    return patientSpeciesCodeMeaning;
  }

  public void setPatientSpeciesCodeMeaning(String patientSpeciesCodeMeaning) {
    this.patientSpeciesCodeMeaning = patientSpeciesCodeMeaning;
  }

  public String getPatientBreedDescription() {
    return patientBreedDescription;
  }

  public void setPatientBreedDescription(String patientBreedDescription) {
    this.patientBreedDescription = patientBreedDescription;
  }

  public String getPatientBreedCode() {
    return patientBreedCode;
  }

  public void setPatientBreedCode(String patientBreedCode) {
    this.patientBreedCode = patientBreedCode;
  }

  public String getPatientBreedCodeMeaning() {
    return patientBreedCodeMeaning;
  }

  public void setPatientBreedCodeMeaning(String patientBreedCodeMeaning) {
    this.patientBreedCodeMeaning = patientBreedCodeMeaning;
  }

  public String getResponsiblePerson() {
    return responsiblePerson;
  }

  public void setResponsiblePerson(String responsiblePerson) {
    this.responsiblePerson = responsiblePerson;
  }

  public String getResponsiblePersonRole() {
    return responsiblePersonRole;
  }

  public void setResponsiblePersonRole(String responsiblePersonRole) {
    this.responsiblePersonRole = responsiblePersonRole;
  }

  public String getResponsibleOrganization() {
    return responsibleOrganization;
  }

  public void setResponsibleOrganization(String responsibleOrganization) {
    this.responsibleOrganization = responsibleOrganization;
  }

  public String getAccessionNumber() {
    return accessionNumber;
  }

  public void setAccessionNumber(String accessionNumber) {
    this.accessionNumber = accessionNumber;
  }

  public String getRequestedProcedureId() {
    return requestedProcedureId;
  }

  public void setRequestedProcedureId(String requestedProcedureId) {
    this.requestedProcedureId = requestedProcedureId;
  }

  public String getRequestedProcedureDescription() {
    return requestedProcedureDescription;
  }

  public void setRequestedProcedureDescription(String requestedProcedureDescription) {
    this.requestedProcedureDescription = requestedProcedureDescription;
  }

  public String getRequestedProcedureCodeValue() {
    return requestedProcedureCodeValue;
  }

  public void setRequestedProcedureCodeValue(String requestedProcedureCodeValue) {
    this.requestedProcedureCodeValue = requestedProcedureCodeValue;
  }

  public String getRequestedProcedureCodingSchemeDesignator() {
    return requestedProcedureCodingSchemeDesignator;
  }

  public void setRequestedProcedureCodingSchemeDesignator(
      String requestedProcedureCodingSchemeDesignator) {
    this.requestedProcedureCodingSchemeDesignator = requestedProcedureCodingSchemeDesignator;
  }

  public String getRequestedProcedureCodeMeaning() {
    return requestedProcedureCodeMeaning;
  }

  public void setRequestedProcedureCodeMeaning(String requestedProcedureCodeMeaning) {
    this.requestedProcedureCodeMeaning = requestedProcedureCodeMeaning;
  }

  public String getStudyInstanceUid() {
    return studyInstanceUid;
  }

  public void setStudyInstanceUid(String studyInstanceUid) {
    this.studyInstanceUid = studyInstanceUid;
  }

  public String getRequestingPhysician() {
    return requestingPhysician;
  }

  public void setRequestingPhysician(String requestingPhysician) {
    this.requestingPhysician = requestingPhysician;
  }

  public String getReasonForRequestedProcedure() {
    return reasonForRequestedProcedure;
  }

  public void setReasonForRequestedProcedure(String reasonForRequestedProcedure) {
    this.reasonForRequestedProcedure = reasonForRequestedProcedure;
  }

  public String getRequestedProcedurePriority() {
    return requestedProcedurePriority;
  }

  public void setRequestedProcedurePriority(String requestedProcedurePriority) {
    this.requestedProcedurePriority = requestedProcedurePriority;
  }

  public String getOrderId() {
    return orderId;
  }

  public void setOrderId(String orderId) {
    this.orderId = orderId;
  }

  public String getReferringPhysicianName() {
    return referringPhysicianName;
  }

  public void setReferringPhysicianName(String referringPhysicianName) {
    this.referringPhysicianName = referringPhysicianName;
  }

  public String getModality() {
    return modality;
  }

  public void setModality(String modality) {
    this.modality = modality;
  }

  public String getScheduledStationAeTitle() {
    return scheduledStationAeTitle;
  }

  public void setScheduledStationAeTitle(String scheduledStationAeTitle) {
    this.scheduledStationAeTitle = scheduledStationAeTitle;
  }

  public String getScheduledProcedureStepStartDate() {
    return scheduledProcedureStepStartDate;
  }

  public void setScheduledProcedureStepStartDate(String scheduledProcedureStepStartDate) {
    this.scheduledProcedureStepStartDate = scheduledProcedureStepStartDate;
  }

  public String getScheduledProcedureStepStartTime() {
    return scheduledProcedureStepStartTime;
  }

  public void setScheduledProcedureStepStartTime(String scheduledProcedureStepStartTime) {
    this.scheduledProcedureStepStartTime = scheduledProcedureStepStartTime;
  }

  public String getScheduledPerformingPhysicianName() {
    return scheduledPerformingPhysicianName;
  }

  public void setScheduledPerformingPhysicianName(String scheduledPerformingPhysicianName) {
    this.scheduledPerformingPhysicianName = scheduledPerformingPhysicianName;
  }

  public String getScheduledProcedureStepDescription() {
    return scheduledProcedureStepDescription;
  }

  public void setScheduledProcedureStepDescription(String scheduledProcedureStepDescription) {
    this.scheduledProcedureStepDescription = scheduledProcedureStepDescription;
  }

  public String getScheduledProcedureStepId() {
    return scheduledProcedureStepId;
  }

  public void setScheduledProcedureStepId(String scheduledProcedureStepId) {
    this.scheduledProcedureStepId = scheduledProcedureStepId;
  }

  public String getScheduledProcedureStepStatus() {
    return scheduledProcedureStepStatus;
  }

  public void setScheduledProcedureStepStatus(String scheduledProcedureStepStatus) {
    this.scheduledProcedureStepStatus = scheduledProcedureStepStatus;
  }

  public String getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(String createdAt) {
    this.createdAt = createdAt;
  }

  public String getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(String updatedAt) {
    this.updatedAt = updatedAt;
  }

  /** The step's status as the enum ({@link #getScheduledProcedureStepStatus()} is its name). */
  public ProcedureStepStatus status() {
    return ProcedureStepStatus.valueOf(scheduledProcedureStepStatus);
  }
}
