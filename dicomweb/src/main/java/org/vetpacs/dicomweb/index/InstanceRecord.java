package org.vetpacs.dicomweb.index;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * One stored instance in the {@code instances} collection (id = SOP Instance UID).
 *
 * <p>A record is first inserted as {@link #PENDING} (a reservation: the unique id detects a
 * duplicate or a concurrent store of the same instance), then set to {@link #STORED} once its blob
 * is durable. Queries only ever see {@code STORED} records.
 *
 * <p>Two more states leave the instance invisible to every face (QIDO-RS, WADO-RS/URI, C-FIND,
 * C-MOVE, C-GET all select {@code STORED}): {@link #REJECTED}, hidden by an IOCM rejection note
 * (PS3.3 C.17.6, IHE RAD IOCM) and kept, and {@link #DELETING}, marked by a DELETE before its blob
 * and record are removed.
 */
@Entity("instances")
public class InstanceRecord {

  public static final String PENDING = "PENDING";
  public static final String STORED = "STORED";

  /**
   * Hidden by a Key Object Selection rejection note; the blob (if the instance was ever received)
   * is kept. A record in this state without a blob is a tombstone for an instance rejected before
   * it arrived, so that it stays hidden when it does.
   */
  public static final String REJECTED = "REJECTED";

  /** Being deleted: hidden from every face; its blob, then the record, are about to go. */
  public static final String DELETING = "DELETING";

  @Id private String sopInstanceUid;
  @Column private String studyInstanceUid;
  @Column private String seriesInstanceUid;
  @Column private String sopClassUid;
  @Column private String transferSyntaxUid;
  @Column private String instanceNumber;
  /** Instance Number as a number, for ordering and matching (0 when absent). */
  @Column private int instanceNumberValue;
  @Column private String status;
  @Column private String blobKey;
  @Column private long sizeBytes;
  @Column private String sha256;
  /**
   * SHA-256 of the bytes as received when the stored blob is a coerced or corrected copy (so that
   * an identical re-send is still recognized as identical), else null.
   */
  @Column private String receivedSha256;
  @Column private String storedAt;
  @Column private String source;
  /** The header as DICOM JSON (PS3.18 F.2), without bulk data values. */
  @Column private String metadata;
  /** SOP Instance UID of the rejection note that hid this instance ({@link #REJECTED} only). */
  @Column private String rejectedBy;
  /** Code value of the rejection note's title, e.g. {@code 113001} ({@link #REJECTED} only). */
  @Column private String rejectionCode;

  public InstanceRecord() {}

  public String getSopInstanceUid() {
    return sopInstanceUid;
  }

  public void setSopInstanceUid(String sopInstanceUid) {
    this.sopInstanceUid = sopInstanceUid;
  }

  public String getStudyInstanceUid() {
    return studyInstanceUid;
  }

  public void setStudyInstanceUid(String studyInstanceUid) {
    this.studyInstanceUid = studyInstanceUid;
  }

  public String getSeriesInstanceUid() {
    return seriesInstanceUid;
  }

  public void setSeriesInstanceUid(String seriesInstanceUid) {
    this.seriesInstanceUid = seriesInstanceUid;
  }

  public String getSopClassUid() {
    return sopClassUid;
  }

  public void setSopClassUid(String sopClassUid) {
    this.sopClassUid = sopClassUid;
  }

  public String getTransferSyntaxUid() {
    return transferSyntaxUid;
  }

  public void setTransferSyntaxUid(String transferSyntaxUid) {
    this.transferSyntaxUid = transferSyntaxUid;
  }

  public String getInstanceNumber() {
    return instanceNumber;
  }

  public void setInstanceNumber(String instanceNumber) {
    this.instanceNumber = instanceNumber;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getBlobKey() {
    return blobKey;
  }

  public void setBlobKey(String blobKey) {
    this.blobKey = blobKey;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public void setSizeBytes(long sizeBytes) {
    this.sizeBytes = sizeBytes;
  }

  public String getReceivedSha256() {
    return receivedSha256;
  }

  public void setReceivedSha256(String receivedSha256) {
    this.receivedSha256 = receivedSha256;
  }

  public String getSha256() {
    return sha256;
  }

  public void setSha256(String sha256) {
    this.sha256 = sha256;
  }

  public String getStoredAt() {
    return storedAt;
  }

  public void setStoredAt(String storedAt) {
    this.storedAt = storedAt;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getMetadata() {
    return metadata;
  }

  public void setMetadata(String metadata) {
    this.metadata = metadata;
  }

  public int getInstanceNumberValue() {
    return instanceNumberValue;
  }

  public void setInstanceNumberValue(int instanceNumberValue) {
    this.instanceNumberValue = instanceNumberValue;
  }

  public String getRejectedBy() {
    return rejectedBy;
  }

  public void setRejectedBy(String rejectedBy) {
    this.rejectedBy = rejectedBy;
  }

  public String getRejectionCode() {
    return rejectionCode;
  }

  public void setRejectionCode(String rejectionCode) {
    this.rejectionCode = rejectionCode;
  }
}
