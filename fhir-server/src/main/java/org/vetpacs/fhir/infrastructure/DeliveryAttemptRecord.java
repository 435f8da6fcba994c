package org.vetpacs.fhir.infrastructure;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/** One delivery attempt in {@code subscription_deliveries} (the operator's delivery log). */
@Entity("subscription_deliveries")
public class DeliveryAttemptRecord {

  @Id private String id;
  @Column private String subscriptionId;
  @Column private String entryId;
  @Column private String resource;
  @Column private String at;
  @Column private Integer httpStatus;
  @Column private String error;
  @Column private String outcome;
  @Column private String nextAttemptAt;

  public DeliveryAttemptRecord() {}

  public String getId() { return id; }
  public void setId(String id) { this.id = id; }
  public String getSubscriptionId() { return subscriptionId; }
  public void setSubscriptionId(String subscriptionId) { this.subscriptionId = subscriptionId; }
  public String getEntryId() { return entryId; }
  public void setEntryId(String entryId) { this.entryId = entryId; }
  public String getResource() { return resource; }
  public void setResource(String resource) { this.resource = resource; }
  public String getAt() { return at; }
  public void setAt(String at) { this.at = at; }
  public Integer getHttpStatus() { return httpStatus; }
  public void setHttpStatus(Integer httpStatus) { this.httpStatus = httpStatus; }
  public String getError() { return error; }
  public void setError(String error) { this.error = error; }
  public String getOutcome() { return outcome; }
  public void setOutcome(String outcome) { this.outcome = outcome; }
  public String getNextAttemptAt() { return nextAttemptAt; }
  public void setNextAttemptAt(String nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
}
