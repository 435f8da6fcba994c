package org.vetpacs.dicomweb.index;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * One study in the {@code studies} collection (id = Study Instance UID): the study-level
 * attributes QIDO-RS and C-FIND match on and return, and the counts of what is stored.
 */
@Entity("studies")
public class StudyRecord {

  @Id private String studyInstanceUid;
  @Column private String patientName;
  /** Upper-case Patient's Name for case-insensitive matching (PS3.4 C.2.2.2.1 allows it for PN). */
  @Column private String patientNameKey;
  /**
   * The name's components and words, normalized as {@link #getPatientNameKey()}, for fuzzy
   * matching (PS3.18 8.3.4.6).
   */
  @Column private java.util.List<String> patientNameTokens;
  @Column private String patientId;
  @Column private String patientBirthDate;
  @Column private String patientSex;
  @Column private String patientSpeciesDescription;
  @Column private String patientBreedDescription;
  @Column private String responsiblePerson;
  @Column private String responsibleOrganization;
  @Column private String studyDate;
  @Column private String studyTime;
  @Column private String accessionNumber;
  @Column private String studyId;
  @Column private String studyDescription;
  @Column private String referringPhysicianName;
  @Column private java.util.List<String> modalitiesInStudy;
  @Column private int numberOfSeries;
  @Column private int numberOfInstances;
  @Column private String updatedAt;

  public StudyRecord() {}

  public String getStudyInstanceUid() {
    return studyInstanceUid;
  }

  public void setStudyInstanceUid(String studyInstanceUid) {
    this.studyInstanceUid = studyInstanceUid;
  }

  public String getPatientName() {
    return patientName;
  }

  public void setPatientName(String patientName) {
    this.patientName = patientName;
  }

  public String getPatientNameKey() {
    return patientNameKey;
  }

  public void setPatientNameKey(String patientNameKey) {
    this.patientNameKey = patientNameKey;
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

  public String getPatientSpeciesDescription() {
    return patientSpeciesDescription;
  }

  public void setPatientSpeciesDescription(String patientSpeciesDescription) {
    this.patientSpeciesDescription = patientSpeciesDescription;
  }

  public String getPatientBreedDescription() {
    return patientBreedDescription;
  }

  public void setPatientBreedDescription(String patientBreedDescription) {
    this.patientBreedDescription = patientBreedDescription;
  }

  public String getResponsiblePerson() {
    return responsiblePerson;
  }

  public void setResponsiblePerson(String responsiblePerson) {
    this.responsiblePerson = responsiblePerson;
  }

  public String getResponsibleOrganization() {
    return responsibleOrganization;
  }

  public void setResponsibleOrganization(String responsibleOrganization) {
    this.responsibleOrganization = responsibleOrganization;
  }

  public String getStudyDate() {
    return studyDate;
  }

  public void setStudyDate(String studyDate) {
    this.studyDate = studyDate;
  }

  public String getStudyTime() {
    return studyTime;
  }

  public void setStudyTime(String studyTime) {
    this.studyTime = studyTime;
  }

  public String getAccessionNumber() {
    return accessionNumber;
  }

  public void setAccessionNumber(String accessionNumber) {
    this.accessionNumber = accessionNumber;
  }

  public String getStudyId() {
    return studyId;
  }

  public void setStudyId(String studyId) {
    this.studyId = studyId;
  }

  public String getStudyDescription() {
    return studyDescription;
  }

  public void setStudyDescription(String studyDescription) {
    this.studyDescription = studyDescription;
  }

  public String getReferringPhysicianName() {
    return referringPhysicianName;
  }

  public void setReferringPhysicianName(String referringPhysicianName) {
    this.referringPhysicianName = referringPhysicianName;
  }

  public java.util.List<String> getModalitiesInStudy() {
    return modalitiesInStudy;
  }

  public void setModalitiesInStudy(java.util.List<String> modalitiesInStudy) {
    this.modalitiesInStudy = modalitiesInStudy;
  }

  public int getNumberOfSeries() {
    return numberOfSeries;
  }

  public void setNumberOfSeries(int numberOfSeries) {
    this.numberOfSeries = numberOfSeries;
  }

  public int getNumberOfInstances() {
    return numberOfInstances;
  }

  public void setNumberOfInstances(int numberOfInstances) {
    this.numberOfInstances = numberOfInstances;
  }

  public String getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(String updatedAt) {
    this.updatedAt = updatedAt;
  }

  public java.util.List<String> getPatientNameTokens() {
    return patientNameTokens;
  }

  public void setPatientNameTokens(java.util.List<String> patientNameTokens) {
    this.patientNameTokens = patientNameTokens;
  }
}
