package org.vetpacs.dicomweb.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.vetpacs.dicomweb.config.ArchiveConfig;
import org.vetpacs.dicomweb.dicom.DicomDataset;
import org.vetpacs.dicomweb.dicom.DicomFileInspector;
import org.vetpacs.dicomweb.dicom.DicomParseException;
import org.vetpacs.dicomweb.dicom.HeaderRewriter;
import org.vetpacs.dicomweb.dicom.InstanceHeader;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.ingest.StoreService;
import org.vetpacs.dicomweb.ingest.StudyIndexer;
import org.vetpacs.dicomweb.storage.BlobStore;

/**
 * Re-applies a staff correction (reconciliation: assign, merge) to the stored instances of a study:
 * each blob is rewritten to a new file with the corrected values and the replaced ones appended to
 * Original Attributes Sequence (0400,0561) with reason {@code CORRECT} (PS3.3 C.12.1), made durable
 * and swapped in atomically ({@link BlobStore#replace}); then its index record (DICOM JSON, hash,
 * size) and the series and study records are updated. Instance by instance, so a crash leaves every
 * instance either before or after the correction, each consistent with its blob except for the one
 * in flight, whose index record a repeated correction (idempotent) brings in step.
 */
@ApplicationScoped
public class HeaderCorrectionService {

  private BlobStore blobStore;
  private IndexRepository index;
  private StudyIndexer studyIndexer;
  private ArchiveConfig config;

  protected HeaderCorrectionService() {}

  @Inject
  public HeaderCorrectionService(
      BlobStore blobStore, IndexRepository index, StudyIndexer studyIndexer, ArchiveConfig config) {
    this.blobStore = blobStore;
    this.index = index;
    this.studyIndexer = studyIndexer;
    this.config = config;
  }

  /**
   * What a correction did.
   *
   * @param instances how many instances were rewritten
   * @param changedTags the tags replaced or added in at least one of them
   */
  public record Correction(int instances, List<Integer> changedTags) {}

  /**
   * Rewrites the stored instances of a study (or of some of its series).
   *
   * @param studyInstanceUid the study
   * @param seriesInstanceUids the series to correct, or null for all
   * @param desired the values the headers must carry
   * @throws LifecycleException if nothing of the study is stored
   * @throws IllegalStateException if a blob cannot be rewritten (the instances before it are
   *     corrected; repeating the correction finishes it)
   */
  public Correction correct(
      String studyInstanceUid, Collection<String> seriesInstanceUids, DicomDataset desired) {
    List<InstanceRecord> instances = index.storedInstancesOfStudy(studyInstanceUid);
    if (seriesInstanceUids != null) {
      instances.removeIf(i -> !seriesInstanceUids.contains(i.getSeriesInstanceUid()));
    }
    if (instances.isEmpty()) {
      throw LifecycleException.notFound("No stored instance of study " + studyInstanceUid);
    }
    TreeSet<Integer> changed = new TreeSet<>(Integer::compareUnsigned);
    Map<String, InstanceHeader> lastOfSeries = new LinkedHashMap<>();
    int rewritten = 0;
    for (InstanceRecord record : instances) {
      InstanceHeader header = rewrite(record, desired, changed);
      if (header != null) {
        rewritten++;
        lastOfSeries.put(header.seriesInstanceUid(), header);
      }
    }
    studyIndexer.headersCorrected(studyInstanceUid, lastOfSeries.values());
    return new Correction(rewritten, new ArrayList<>(changed));
  }

  /**
   * Moves some series of a study to a new study (a split: the series belong to another animal).
   * Each instance is rewritten with {@code desired} and the new Study Instance UID (the previous
   * one kept in Original Attributes Sequence), committed under its new blob key, its index record
   * moved, then the old blob removed; the series, the new study and the old study are re-counted.
   * SOP Instance and Series Instance UIDs do not change.
   *
   * @param studyInstanceUid the study the series leave
   * @param seriesInstanceUids the series to move (not all of the study's)
   * @param newStudyInstanceUid the study they go to
   * @param desired the other values the moved headers must carry
   * @return what was done
   */
  public Correction moveSeries(String studyInstanceUid, Collection<String> seriesInstanceUids,
      String newStudyInstanceUid, DicomDataset desired) {
    List<InstanceRecord> instances = index.storedInstancesOfStudy(studyInstanceUid);
    instances.removeIf(i -> !seriesInstanceUids.contains(i.getSeriesInstanceUid()));
    if (instances.isEmpty()) {
      throw LifecycleException.notFound("No stored instance of those series in study "
          + studyInstanceUid);
    }
    DicomDataset moved = new DicomDataset();
    moved.addMissing(desired);
    moved.put(0x0020000D, "UI", newStudyInstanceUid);
    TreeSet<Integer> changed = new TreeSet<>(Integer::compareUnsigned);
    Map<String, InstanceHeader> lastOfSeries = new LinkedHashMap<>();
    for (InstanceRecord record : instances) {
      InstanceHeader header = move(record, moved, changed);
      lastOfSeries.put(header.seriesInstanceUid(), header);
    }
    studyIndexer.headersCorrected(studyInstanceUid, lastOfSeries.values());
    return new Correction(instances.size(), new ArrayList<>(changed));
  }

  private InstanceHeader move(InstanceRecord record, DicomDataset desired, TreeSet<Integer> changed) {
    return apply(record, desired, changed, true);
  }

  private InstanceHeader rewrite(InstanceRecord record, DicomDataset desired, TreeSet<Integer> changed) {
    return apply(record, desired, changed, false);
  }

  /**
   * Rewrites one stored instance's header with {@code desired} (reason CORRECT), atomically: the
   * corrected copy replaces the blob in place, or, when {@code move} (its Study Instance UID
   * changed), is committed under its new key before the index record follows and the old blob is
   * removed.
   *
   * @return the corrected header; null when nothing changed (never for a move)
   */
  private InstanceHeader apply(InstanceRecord record, DicomDataset desired,
      TreeSet<Integer> changed, boolean move) {
    Path copy = null;
    Path corrected = null;
    try {
      copy = blobStore.newTempFile();
      try (InputStream in = blobStore.open(record.getBlobKey());
          OutputStream out = Files.newOutputStream(copy)) {
        in.transferTo(out);
      }
      corrected = blobStore.newTempFile();
      HeaderRewriter.Result result =
          HeaderRewriter.rewrite(copy, corrected, desired, modifyingSystem(), HeaderRewriter.CORRECT);
      if (!move && !result.changed()) {
        return null;
      }
      InstanceHeader header = DicomFileInspector.inspect(corrected);
      String sha256 = StoreService.sha256Of(corrected);
      long size = Files.size(corrected);
      String oldKey = record.getBlobKey();
      if (move) {
        record.setBlobKey(blobStore.commit(corrected,
            new org.vetpacs.dicomweb.storage.InstanceKey(header.studyInstanceUid(),
                header.seriesInstanceUid(), header.sopInstanceUid())));
        record.setStudyInstanceUid(header.studyInstanceUid());
      } else {
        blobStore.replace(corrected, oldKey);
      }
      corrected = null;
      if (record.getReceivedSha256() == null) {
        record.setReceivedSha256(record.getSha256());
      }
      record.setSha256(sha256);
      record.setSizeBytes(size);
      record.setMetadata(header.dicomJson());
      index.update(record);
      if (move) {
        blobStore.delete(oldKey);
      }
      changed.addAll(result.changedTags());
      return header;
    } catch (IOException | DicomParseException e) {
      throw new IllegalStateException("Could not " + (move ? "move" : "correct") + " instance "
          + record.getSopInstanceUid() + ": " + e.getMessage(), e);
    } finally {
      if (copy != null) {
        blobStore.discard(copy);
      }
      if (corrected != null) {
        blobStore.discard(corrected);
      }
    }
  }

  private String modifyingSystem() {
    String ae = config == null ? null : config.aeTitle();
    return ae == null || ae.isBlank() ? "VETPACS" : ae;
  }
}
