package org.vetpacs.dicomweb.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.dicom.DicomFileInspector;
import org.vetpacs.dicomweb.dicom.DicomParseException;
import org.vetpacs.dicomweb.dicom.InstanceHeader;
import org.vetpacs.dicomweb.dicom.SopClassMismatchException;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.storage.BlobStore;
import org.vetpacs.dicomweb.storage.InstanceKey;

/**
 * The one ingest pipeline behind STOW-RS and C-STORE.
 *
 * <p>Write order, which is the consistency story (there are no cross-collection transactions):
 *
 * <ol>
 *   <li>stream the bytes to a temporary file, hashing them on the way;
 *   <li>parse and check the header (Part 10, UIDs, complete pixel data), else refuse;
 *   <li>let the workflow coerce the header ({@link HeaderCoercion}, {@link CoercionStep}): the
 *       coerced copy is what is stored, answered with Warning B000;
 *   <li>reserve the instance in the index as {@code PENDING} (the unique id detects duplicates and
 *       concurrent stores of the same instance);
 *   <li>commit the blob: fsync, then link to its final name, fsync the folder;
 *   <li>count the instance in its series and study records, then mark it {@code STORED};
 *   <li>only then answer success, and fire {@link InstanceStored}.
 * </ol>
 *
 * The index writes before the last are unjournaled (MongoDB write concern {@code j: false}); the
 * last, which marks the instance {@code STORED}, is journaled and so also makes every earlier one
 * durable: one sync of the index per instance. A failure undoes what was done (blob and
 * reservation removed, counts recounted). A crash leaves at worst a {@code PENDING} reservation,
 * invisible to queries, removed at the next start with its blob, and its study recounted.
 */
@ApplicationScoped
public class StoreService {

  private static final Logger LOG = Logger.getLogger(StoreService.class.getName());

  /** How long a store waits for a concurrent store of the same instance to finish. */
  private static final long PENDING_WAIT_NANOS = 60_000_000_000L;

  private static final int COPY_BUFFER_BYTES = 256 * 1024;

  private BlobStore blobStore;
  private IndexRepository index;
  private StudyIndexer studyIndexer;
  private Event<InstanceStored> stored;
  private CoercionStep coercion;
  private IngestMetrics metrics;

  protected StoreService() {}

  @Inject
  public StoreService(
      BlobStore blobStore,
      IndexRepository index,
      StudyIndexer studyIndexer,
      Event<InstanceStored> stored) {
    this.blobStore = blobStore;
    this.index = index;
    this.studyIndexer = studyIndexer;
    this.stored = stored;
  }

  /** Step 3, header coercion by the workflow (optional: without it nothing is coerced). */
  @Inject
  void setCoercion(CoercionStep coercion) {
    this.coercion = coercion;
  }

  /** The time spent in each stage, for /metrics (optional: without it nothing is recorded). */
  @Inject
  void setMetrics(IngestMetrics metrics) {
    this.metrics = metrics;
  }

  /**
   * Records the time since {@code since} against {@code stage}.
   *
   * @return now, the start of the next stage
   */
  private long lap(IngestMetrics.Stage stage, long since) {
    long now = System.nanoTime();
    if (metrics != null) {
      metrics.record(stage, now - since);
    }
    return now;
  }

  /**
   * Stores one DICOM Part 10 instance read from {@code data}.
   *
   * @param expectedStudyUid the study the client addressed (STOW-RS {@code /studies/{study}}), or
   *     null for any
   * @param source who sent it, for the record (e.g. {@code STOW-RS} or {@code DIMSE:MODALITY1})
   */
  public StoreOutcome store(InputStream data, String expectedStudyUid, String source) {
    Path temp = null;
    long started = System.nanoTime();
    try {
      temp = blobStore.newTempFile();
      MessageDigest sha256 = sha256();
      try (InputStream in = new DigestInputStream(data, sha256);
          OutputStream out = Files.newOutputStream(temp)) {
        copy(in, out);
        lap(IngestMetrics.Stage.RECEIVE, started);
      } catch (IOException e) {
        // The sender's data broke off (truncated upload, dropped connection): nothing is kept.
        LOG.fine(() -> "Incomplete data from " + source + ": " + e.getMessage());
        return failure(
            DicomStatus.CANNOT_UNDERSTAND, null, "Incomplete data: " + e.getMessage());
      }
      return storeFile(temp, HexFormat.of().formatHex(sha256.digest()), expectedStudyUid, source);
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "The archive could not store an instance from " + source, e);
      return failure(DicomStatus.PROCESSING_FAILURE, null, "The archive could not store it");
    } finally {
      if (temp != null) {
        blobStore.discard(temp);
      }
    }
  }

  /**
   * Stores a DICOM Part 10 file that a receiver (e.g. the DIMSE C-STORE SCP) already wrote to a
   * {@link BlobStore#newTempFile() temporary file} of the blob store. The file is consumed: it is
   * linked into the store or removed.
   */
  public StoreOutcome storeReceivedFile(Path tempFile, String source) {
    try {
      return storeReceivedFile(tempFile, sha256Of(tempFile), source);
    } catch (IOException e) {
      blobStore.discard(tempFile);
      LOG.log(Level.SEVERE, "The archive could not store an instance from " + source, e);
      return failure(DicomStatus.PROCESSING_FAILURE, null, "The archive could not store it");
    }
  }

  /**
   * As {@link #storeReceivedFile(Path, String)}, with the SHA-256 (hex) of the file, which the
   * receiver computed while writing it.
   */
  public StoreOutcome storeReceivedFile(Path tempFile, String sha256, String source) {
    try {
      return storeFile(tempFile, sha256, null, source);
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "The archive could not store an instance from " + source, e);
      return failure(DicomStatus.PROCESSING_FAILURE, null, "The archive could not store it");
    } finally {
      blobStore.discard(tempFile);
    }
  }

  /** A new temporary file for {@link #storeReceivedFile}. */
  public Path newTempFile() throws IOException {
    return blobStore.newTempFile();
  }

  /** The SHA-256 (hex) of a file's bytes, as the index records it. */
  public static String sha256Of(Path file) throws IOException {
    MessageDigest sha256 = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
      copy(in, OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  /**
   * Copies with a 256 KiB buffer (InputStream.transferTo uses 8 KiB: 30 times more system calls
   * and digest calls for a 15 MB DR image).
   */
  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[COPY_BUFFER_BYTES];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
    }
  }

  private StoreOutcome storeFile(Path temp, String sha256, String expectedStudyUid, String source)
      throws IOException {
    InstanceHeader header;
    long stageStart = System.nanoTime();
    try {
      header = DicomFileInspector.inspect(temp);
    } catch (SopClassMismatchException e) {
      return failure(DicomStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, null, e.getMessage());
    } catch (DicomParseException e) {
      return failure(DicomStatus.CANNOT_UNDERSTAND, null, e.getMessage());
    }
    if (!DicomFileInspector.isStorageSopClass(header.sopClassUid())) {
      return failure(
          DicomStatus.SOP_CLASS_NOT_SUPPORTED,
          header,
          "SOP Class " + header.sopClassUid() + " is not a storage SOP Class this archive knows");
    }
    InstanceKey key;
    try {
      key =
          new InstanceKey(
              header.studyInstanceUid(), header.seriesInstanceUid(), header.sopInstanceUid());
    } catch (IllegalArgumentException e) {
      return failure(DicomStatus.CANNOT_UNDERSTAND, header, e.getMessage());
    }
    if (expectedStudyUid != null && !expectedStudyUid.equals(header.studyInstanceUid())) {
      // PS3.18 10.5.3: the instance does not belong to the study named in the request URL
      return failure(
          DicomStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
          header,
          "Study Instance UID "
              + header.studyInstanceUid()
              + " does not match the study in the request URL "
              + expectedStudyUid);
    }
    stageStart = lap(IngestMetrics.Stage.PARSE, stageStart);
    CoercionStep.Coerced coerced =
        coercion == null ? null : coercion.apply(temp, header, source).orElse(null);
    lap(IngestMetrics.Stage.COERCE, stageStart);
    if (coerced != null) {
      try {
        return storeChecked(coerced.file(), coerced.header(), sha256Of(coerced.file()), sha256,
            key, source, "Stored; coerced " + CoercionStep.describe(coerced.changedTags()));
      } finally {
        blobStore.discard(coerced.file());
      }
    }
    return storeChecked(temp, header, sha256, sha256, key, source, null);
  }

  /**
   * Steps 4 to 6 for a checked (and possibly coerced) file.
   *
   * @param coercion null, or the message of the coercion applied (answered as Warning B000)
   */
  private StoreOutcome storeChecked(
      Path temp, InstanceHeader header, String sha256, String receivedSha256, InstanceKey key,
      String source, String coercion) throws IOException {
    long size = Files.size(temp);
    if (blobStore.usableSpace() < size * 2) {
      return failure(DicomStatus.OUT_OF_RESOURCES, header, "Not enough free disk space");
    }

    InstanceRecord record = newRecord(header, sha256, size, source);
    if (coercion != null) {
      record.setReceivedSha256(receivedSha256);
    }
    long stageStart = System.nanoTime();
    if (!reserveOrWait(record)) {
      return duplicate(header, receivedSha256);
    }
    stageStart = lap(IngestMetrics.Stage.RESERVE, stageStart);
    String blobKey = null;
    try {
      blobKey = commitBlob(temp, key);
      stageStart = lap(IngestMetrics.Stage.BLOB, stageStart);
      // Counted first, then marked STORED by the one journaled index write of this store, which
      // makes the unjournaled reservation and counts durable with it (one sync per instance).
      studyIndexer.instanceStored(header);
      stageStart = lap(IngestMetrics.Stage.COUNT, stageStart);
      record.setBlobKey(blobKey);
      record.setStatus(InstanceRecord.STORED);
      record.setStoredAt(Instant.now().toString());
      index.markStored(record);
      lap(IngestMetrics.Stage.MARK, stageStart);
    } catch (IOException | RuntimeException e) {
      undo(record, blobKey);
      LOG.log(Level.SEVERE, "Store of an instance failed and was undone", e);
      return failure(DicomStatus.PROCESSING_FAILURE, header, "The archive could not store it");
    }
    stored.fire(
        new InstanceStored(
            header.studyInstanceUid(),
            header.seriesInstanceUid(),
            header.sopInstanceUid(),
            header.sopClassUid(),
            source));
    return new StoreOutcome(
        coercion == null ? DicomStatus.SUCCESS : DicomStatus.COERCION_OF_DATA_ELEMENTS,
        header.sopClassUid(),
        header.sopInstanceUid(),
        header.studyInstanceUid(),
        header.seriesInstanceUid(),
        coercion == null ? "Stored" : coercion);
  }

  /**
   * Commits the blob. We hold the index reservation for this SOP Instance UID, so a blob already at
   * its path can only be an orphan of a crash between commit and index update: replace it.
   */
  private String commitBlob(Path temp, InstanceKey key) throws IOException {
    try {
      return blobStore.commit(temp, key);
    } catch (FileAlreadyExistsException e) {
      LOG.warning("Replacing an orphaned blob left by an interrupted store: " + e.getFile());
      blobStore.delete(blobStore.keyOf(key));
      return blobStore.commit(temp, key);
    }
  }

  /**
   * Reserves the instance; if another store of the same SOP Instance UID is under way (a client
   * retrying, or two clients sending one study), waits for it to finish so that an identical copy
   * is answered as stored rather than refused.
   *
   * @return true if this store holds the reservation, false if the instance is already stored
   */
  private boolean reserveOrWait(InstanceRecord record) {
    long deadline = System.nanoTime() + PENDING_WAIT_NANOS;
    while (true) {
      if (index.reserveForStore(record)) {
        return true;
      }
      InstanceRecord existing = index.findInstance(record.getSopInstanceUid()).orElse(null);
      boolean pending = existing != null && InstanceRecord.PENDING.equals(existing.getStatus());
      if (!pending && existing != null) {
        return false;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /**
   * Keep-first policy: an identical re-send (same SHA-256 as received, also when the stored copy
   * was coerced) is a success, so a client may safely retry; different bytes under a stored SOP
   * Instance UID are refused and the first copy kept. An instance hidden by a rejection note is
   * refused too (it stays rejected).
   */
  private StoreOutcome duplicate(InstanceHeader header, String sha256) {
    InstanceRecord existing = index.findInstance(header.sopInstanceUid()).orElse(null);
    if (existing != null && InstanceRecord.REJECTED.equals(existing.getStatus())) {
      // IHE RAD IOCM: a rejected instance must not come back through a re-send (a modality
      // retrying, a router replaying). It stays rejected and hidden, whatever the bytes; the
      // sender is told so. Only a DELETE of the instance (which also forgets the rejection) lets
      // the SOP Instance UID be stored again.
      return failure(
          DicomStatus.DUPLICATE_SOP_INSTANCE,
          header,
          "SOP Instance UID "
              + header.sopInstanceUid()
              + " was rejected by rejection note "
              + existing.getRejectedBy()
              + " ("
              + existing.getRejectionCode()
              + ", PS3.16 CID 7010) and stays rejected; it was not stored again");
    }
    if (existing != null
        && InstanceRecord.STORED.equals(existing.getStatus())
        && (sha256.equals(existing.getSha256()) || sha256.equals(existing.getReceivedSha256()))
        && existing.getStudyInstanceUid().equals(header.studyInstanceUid())) {
      index.awaitDurable(existing.getSopInstanceUid()); // acknowledge only what is on disk
      return new StoreOutcome(
          DicomStatus.SUCCESS,
          header.sopClassUid(),
          header.sopInstanceUid(),
          header.studyInstanceUid(),
          header.seriesInstanceUid(),
          "Already stored (identical)");
    }
    if (existing != null && InstanceRecord.PENDING.equals(existing.getStatus())) {
      return failure(
          DicomStatus.PROCESSING_FAILURE,
          header,
          "Another store of this SOP Instance is still under way; send it again later");
    }
    return failure(
        DicomStatus.DUPLICATE_SOP_INSTANCE,
        header,
        "SOP Instance UID "
            + header.sopInstanceUid()
            + " is already stored with different content; the first copy is kept");
  }

  private void undo(InstanceRecord record, String blobKey) {
    try {
      if (blobKey != null) {
        blobStore.delete(blobKey);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.SEVERE, "Could not remove blob " + blobKey + " while undoing a store", e);
    }
    try {
      index.deleteInstance(record.getSopInstanceUid());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Could not remove a pending index entry while undoing a store", e);
    }
    try {
      // The series/study counters may already count this instance (they are incremented, not
      // recounted, on the way in): recount them now that it is gone.
      studyIndexer.recount(
          record.getStudyInstanceUid(), java.util.List.of(record.getSeriesInstanceUid()));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Could not recount a study while undoing a store", e);
    }
  }

  private static InstanceRecord newRecord(
      InstanceHeader header, String sha256, long size, String source) {
    InstanceRecord record = new InstanceRecord();
    record.setSopInstanceUid(header.sopInstanceUid());
    record.setStudyInstanceUid(header.studyInstanceUid());
    record.setSeriesInstanceUid(header.seriesInstanceUid());
    record.setSopClassUid(header.sopClassUid());
    record.setTransferSyntaxUid(header.transferSyntaxUid());
    record.setInstanceNumber(header.instanceNumber());
    record.setInstanceNumberValue(StudyIndexer.integer(header.instanceNumber()));
    record.setStatus(InstanceRecord.PENDING);
    record.setSizeBytes(size);
    record.setSha256(sha256);
    record.setSource(source);
    record.setMetadata(header.dicomJson());
    return record;
  }

  private static StoreOutcome failure(DicomStatus status, InstanceHeader header, String message) {
    return new StoreOutcome(
        status,
        header == null ? "" : header.sopClassUid(),
        header == null ? "" : header.sopInstanceUid(),
        header == null ? "" : header.studyInstanceUid(),
        header == null ? "" : header.seriesInstanceUid(),
        message);
  }

  /** A SHA-256 digest, for a receiver that hashes what it writes. */
  public static MessageDigest newSha256() {
    return sha256();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
