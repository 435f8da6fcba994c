package org.vetpacs.dicomweb.index;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/** One series in the {@code series} collection (id = Series Instance UID). */
@Entity("series")
public class SeriesRecord {

  @Id private String seriesInstanceUid;
  @Column private String studyInstanceUid;
  @Column private String modality;
  @Column private String seriesNumber;
  /** Series Number as a number, for ordering (0 when absent or not a number). */
  @Column private int seriesNumberValue;
  @Column private String seriesDescription;
  @Column private String bodyPartExamined;
  @Column private int numberOfInstances;
  @Column private String updatedAt;

  public SeriesRecord() {}

  public String getSeriesInstanceUid() {
    return seriesInstanceUid;
  }

  public void setSeriesInstanceUid(String seriesInstanceUid) {
    this.seriesInstanceUid = seriesInstanceUid;
  }

  public String getStudyInstanceUid() {
    return studyInstanceUid;
  }

  public void setStudyInstanceUid(String studyInstanceUid) {
    this.studyInstanceUid = studyInstanceUid;
  }

  public String getModality() {
    return modality;
  }

  public void setModality(String modality) {
    this.modality = modality;
  }

  public String getSeriesNumber() {
    return seriesNumber;
  }

  public void setSeriesNumber(String seriesNumber) {
    this.seriesNumber = seriesNumber;
  }

  public String getSeriesDescription() {
    return seriesDescription;
  }

  public void setSeriesDescription(String seriesDescription) {
    this.seriesDescription = seriesDescription;
  }

  public String getBodyPartExamined() {
    return bodyPartExamined;
  }

  public void setBodyPartExamined(String bodyPartExamined) {
    this.bodyPartExamined = bodyPartExamined;
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

  public int getSeriesNumberValue() {
    return seriesNumberValue;
  }

  public void setSeriesNumberValue(int seriesNumberValue) {
    this.seriesNumberValue = seriesNumberValue;
  }
}
