package org.vetpacs.dicomweb.ingest;

import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vetpacs.dicomweb.dicom.InstanceHeader;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.index.SeriesRecord;
import org.vetpacs.dicomweb.index.StudyRecord;
import org.vetpacs.dicomweb.query.NameNormalizer;

/**
 * Keeps the series and study records in step with the stored instances: study-level attributes
 * from the latest instance; counts and Modalities in Study kept by atomic increments after each
 * store ({@code $inc}, {@code $addToSet}: correct under concurrent stores, also on several
 * application nodes) and recomputed from the index when instances leave (delete, rejection).
 *
 * <p>Updates of one study are serialized inside this process by a striped lock.
 */
@ApplicationScoped
public class StudyIndexer {

  private static final int STRIPES = 64;

  private final Object[] locks = new Object[STRIPES];
  private IndexRepository index;

  protected StudyIndexer() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  @Inject
  public StudyIndexer(IndexRepository index) {
    this();
    this.index = index;
  }

  /**
   * Called by the store pipeline after an instance's blob is committed and before its record is
   * marked {@code STORED}: counts it in its series and study records with atomic increments (two
   * index writes, no scan of the instances, whatever the size of the archive) and sets their
   * attributes from the latest instance. Both writes are unjournaled ({@code j: false}): the
   * pipeline's next write, the journaled {@link IndexRepository#markStored}, makes them durable,
   * and a crash before it leaves a {@code PENDING} reservation whose study is recounted at the
   * next start.
   */
  public void instanceStored(InstanceHeader header) {
    upsert(header, 1, false);
  }

  /**
   * Called after stored headers were corrected (reconciliation: assign, merge, split): sets the
   * series and study attributes from the corrected headers (one per series; a split may name a
   * new study) without counting anything, then recounts every study involved from the index, so
   * that the counts stay true whatever moved.
   *
   * @param previousStudyInstanceUid the study the instances were in before (recounted too)
   * @param correctedHeaders one corrected header per affected series
   */
  public void headersCorrected(String previousStudyInstanceUid,
      Collection<InstanceHeader> correctedHeaders) {
    Map<String, Set<String>> seriesByStudy = new LinkedHashMap<>();
    for (InstanceHeader header : correctedHeaders) {
      upsert(header, 0, true);
      seriesByStudy.computeIfAbsent(header.studyInstanceUid(), k -> new TreeSet<>())
          .add(header.seriesInstanceUid());
    }
    seriesByStudy.forEach(this::recount);
    if (!seriesByStudy.containsKey(previousStudyInstanceUid)) {
      recount(previousStudyInstanceUid, List.of());
    }
  }

  private void upsert(InstanceHeader header, int increment, boolean journaled) {
    synchronized (locks[Math.floorMod(header.studyInstanceUid().hashCode(), STRIPES)]) {
      String now = Instant.now().toString();
      SeriesRecord series = new SeriesRecord();
      series.setSeriesInstanceUid(header.seriesInstanceUid());
      series.setStudyInstanceUid(header.studyInstanceUid());
      series.setModality(header.modality());
      series.setSeriesNumber(header.seriesNumber());
      series.setSeriesNumberValue(integer(header.seriesNumber()));
      series.setSeriesDescription(header.seriesDescription());
      series.setBodyPartExamined(header.bodyPartExamined());
      series.setUpdatedAt(now);
      boolean newSeries = index.upsertSeries(series, increment, journaled);

      StudyRecord study = new StudyRecord();
      study.setStudyInstanceUid(header.studyInstanceUid());
      study.setPatientName(header.patientName());
      study.setPatientNameKey(NameNormalizer.key(header.patientName()));
      study.setPatientNameTokens(NameNormalizer.tokens(header.patientName()));
      study.setPatientId(header.patientId());
      study.setPatientBirthDate(header.patientBirthDate());
      study.setPatientSex(header.patientSex());
      study.setPatientSpeciesDescription(header.patientSpeciesDescription());
      study.setPatientBreedDescription(header.patientBreedDescription());
      study.setResponsiblePerson(header.responsiblePerson());
      study.setResponsibleOrganization(header.responsibleOrganization());
      study.setStudyDate(header.studyDate());
      study.setStudyTime(header.studyTime());
      study.setAccessionNumber(header.accessionNumber());
      study.setStudyId(header.studyId());
      study.setStudyDescription(header.studyDescription());
      study.setReferringPhysicianName(header.referringPhysicianName());
      study.setUpdatedAt(now);
      index.upsertStudy(study, newSeries, header.modality(), increment, journaled);
    }
  }

  /**
   * Recounts a study and some of its series after instances left the visible set (deleted, or
   * hidden by a rejection note): a series with no stored instance left is removed, and so is a
   * study with none, so that QIDO-RS and C-FIND no longer find them (PS3.18 10.6 answers from
   * these records). Otherwise the counts and Modalities in Study are recomputed from the index.
   */
  public void recount(String studyInstanceUid, Collection<String> seriesInstanceUids) {
    synchronized (locks[Math.floorMod(studyInstanceUid.hashCode(), STRIPES)]) {
      String now = Instant.now().toString();
      for (String seriesUid : seriesInstanceUids) {
        long stored = index.countStoredInstances(Filters.eq("seriesInstanceUid", seriesUid));
        if (stored == 0) {
          index.deleteSeries(seriesUid);
          continue;
        }
        index
            .findSeries(seriesUid)
            .ifPresent(
                series -> {
                  series.setNumberOfInstances((int) stored);
                  series.setUpdatedAt(now);
                  index.save(series);
                });
      }
      StudyRecord study = index.findStudy(studyInstanceUid).orElse(null);
      if (study == null) {
        return;
      }
      List<SeriesRecord> allSeries = index.seriesOfStudy(studyInstanceUid);
      long instances = index.countStoredInstances(Filters.eq("studyInstanceUid", studyInstanceUid));
      if (allSeries.isEmpty() || instances == 0) {
        index.deleteStudy(studyInstanceUid);
        return;
      }
      study.setModalitiesInStudy(modalitiesOf(allSeries));
      study.setNumberOfSeries(allSeries.size());
      study.setNumberOfInstances((int) instances);
      study.setUpdatedAt(now);
      index.save(study);
    }
  }

  private static List<String> modalitiesOf(List<SeriesRecord> allSeries) {
    TreeSet<String> modalities = new TreeSet<>();
    for (SeriesRecord s : allSeries) {
      if (s.getModality() != null && !s.getModality().isEmpty()) {
        modalities.add(s.getModality());
      }
    }
    return new ArrayList<>(modalities);
  }

  /** An IS value as an int for ordering; 0 when absent or not an integer. */
  static int integer(String value) {
    try {
      return value == null || value.isBlank() ? 0 : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
