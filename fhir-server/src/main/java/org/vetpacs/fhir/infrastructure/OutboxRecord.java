package org.vetpacs.fhir.infrastructure;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * One subscription notification in {@code subscription_outbox} (see {@link
 * org.vetpacs.fhir.service.OutboxEntry}); instants as fixed-width UTC text, so they sort as text.
 */
@Entity("subscription_outbox")
public class OutboxRecord {

  @Id private String id;
  @Column private String subscriptionId;
  @Column private String resourceType;
  @Column private String resourceId;
  @Column private long version;
  @Column private String state;
  @Column private int failures;
  @Column private String queuedAt;
  @Column private String nextAttemptAt;
  @Column private String lastError;

  public OutboxRecord() {}

  public String getId() { return id; }
  public void setId(String id) { this.id = id; }
  public String getSubscriptionId() { return subscriptionId; }
  public void setSubscriptionId(String subscriptionId) { this.subscriptionId = subscriptionId; }
  public String getResourceType() { return resourceType; }
  public void setResourceType(String resourceType) { this.resourceType = resourceType; }
  public String getResourceId() { return resourceId; }
  public void setResourceId(String resourceId) { this.resourceId = resourceId; }
  public long getVersion() { return version; }
  public void setVersion(long version) { this.version = version; }
  public String getState() { return state; }
  public void setState(String state) { this.state = state; }
  public int getFailures() { return failures; }
  public void setFailures(int failures) { this.failures = failures; }
  public String getQueuedAt() { return queuedAt; }
  public void setQueuedAt(String queuedAt) { this.queuedAt = queuedAt; }
  public String getNextAttemptAt() { return nextAttemptAt; }
  public void setNextAttemptAt(String nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
  public String getLastError() { return lastError; }
  public void setLastError(String lastError) { this.lastError = lastError; }
}
