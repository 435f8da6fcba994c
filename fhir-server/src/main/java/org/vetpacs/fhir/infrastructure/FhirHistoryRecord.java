package org.vetpacs.fhir.infrastructure;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;

/**
 * One version of one FHIR resource in {@code fhir_history} (id = {@code Type/id/version}).
 */
@Entity("fhir_history")
public class FhirHistoryRecord {

  @Id private String key;
  @Column private String resourceType;
  @Column private String resourceId;
  @Column private long versionId;
  @Column private String lastUpdated;
  @Column private String json;
  @Column private List<String> keys;
  @Column private String date;

  public FhirHistoryRecord() {}

  public String getKey() { return key; }
  public void setKey(String key) { this.key = key; }
  public String getResourceType() { return resourceType; }
  public void setResourceType(String resourceType) { this.resourceType = resourceType; }
  public String getResourceId() { return resourceId; }
  public void setResourceId(String resourceId) { this.resourceId = resourceId; }
  public long getVersionId() { return versionId; }
  public void setVersionId(long versionId) { this.versionId = versionId; }
  public String getLastUpdated() { return lastUpdated; }
  public void setLastUpdated(String lastUpdated) { this.lastUpdated = lastUpdated; }
  public String getJson() { return json; }
  public void setJson(String json) { this.json = json; }
  public List<String> getKeys() { return keys; }
  public void setKeys(List<String> keys) { this.keys = keys; }
  public String getDate() { return date; }
  public void setDate(String date) { this.date = date; }
}
