package org.vetpacs.dicomweb.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.conversions.Bson;
import org.vetpacs.dicomweb.dicom.DicomDataset;
import org.vetpacs.dicomweb.dicom.Keywords;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.index.SeriesRecord;
import org.vetpacs.dicomweb.index.StudyRecord;

/**
 * The one query engine behind QIDO-RS and C-FIND (PS3.4 C.2.2.2 matching, PS3.18 10.6).
 *
 * <p>Matching keys are sorted by the level whose records carry them. A query at a lower level
 * first resolves the higher-level keys to the matching study (and series) UIDs, then searches its
 * own collection within them, so every step runs on an index of the database.
 */
@ApplicationScoped
public class QueryService {

  /** Most studies a higher-level constraint may resolve to before a query is refused. */
  static final int MAX_SCOPE = 10_000;

  private IndexRepository index;

  protected QueryService() {}

  @Inject
  public QueryService(IndexRepository index) {
    this.index = index;
  }

  public QueryResult search(QueryRequest request) {
    Map<QueryLevel, List<Bson>> filters = new EnumMap<>(QueryLevel.class);
    List<String> warnings = new ArrayList<>();
    if (!request.ignoredKeys().isEmpty()) {
      warnings.add(
          "The following attributes are not supported for matching and were ignored: "
              + String.join(", ", request.ignoredKeys()));
    }
    for (Map.Entry<Integer, String> match : request.matches().entrySet()) {
      QueryKey key = QueryKeys.byTag(match.getKey());
      if (key == null) {
        continue; // a return key only (C-FIND identifiers carry many)
      }
      if (key.level().ordinal() > request.level().ordinal()
          && !(request.level() == QueryLevel.PATIENT && key.level() == QueryLevel.STUDY)) {
        if (!match.getValue().isEmpty()) {
          warnings.add(key.keyword() + " is below the query level and was ignored");
        }
        continue;
      }
      Bson filter = Matchers.filter(key, match.getValue(), request.fuzzy());
      if (filter != null) {
        filters.computeIfAbsent(key.level(), l -> new ArrayList<>()).add(filter);
      }
    }
    return switch (request.level()) {
      case PATIENT -> patients(request, filters, warnings);
      case STUDY -> studies(request, filters, warnings);
      case SERIES -> series(request, filters, warnings);
      case INSTANCE -> instances(request, filters, warnings);
    };
  }

  private QueryResult studies(
      QueryRequest request, Map<QueryLevel, List<Bson>> filters, List<String> warnings) {
    List<StudyRecord> found =
        index.find(
            StudyRecord.class,
            and(filters.get(QueryLevel.STUDY)),
            Sorts.orderBy(Sorts.descending("studyDate", "studyTime"), Sorts.ascending("_id")),
            request.offset(),
            request.limit() + 1);
    boolean truncated = found.size() > request.limit();
    List<DicomDataset> datasets = new ArrayList<>();
    for (StudyRecord study : truncated ? found.subList(0, request.limit()) : found) {
      DicomDataset d = ResultDatasets.study(study, request.retrieveRoot());
      addFromRepresentative(d, request, Filters.eq("studyInstanceUid", study.getStudyInstanceUid()));
      datasets.add(d);
    }
    return new QueryResult(datasets, truncated, warnings);
  }

  private QueryResult series(
      QueryRequest request, Map<QueryLevel, List<Bson>> filters, List<String> warnings) {
    List<Bson> own = new ArrayList<>(filters.getOrDefault(QueryLevel.SERIES, List.of()));
    Map<String, StudyRecord> studies = scopeStudies(filters, own, "studyInstanceUid");
    if (studies != null && studies.isEmpty()) {
      return new QueryResult(List.of(), false, warnings);
    }
    List<SeriesRecord> found =
        index.find(
            SeriesRecord.class,
            and(own),
            Sorts.ascending("studyInstanceUid", "seriesNumberValue", "_id"),
            request.offset(),
            request.limit() + 1);
    boolean truncated = found.size() > request.limit();
    List<SeriesRecord> page = truncated ? found.subList(0, request.limit()) : found;
    Map<String, StudyRecord> pageStudies =
        studies != null ? studies : studiesById(page, SeriesRecord::getStudyInstanceUid);
    boolean withStudy = !request.matches().containsKey(0x0020000D);
    List<DicomDataset> datasets = new ArrayList<>();
    for (SeriesRecord s : page) {
      DicomDataset d = ResultDatasets.series(s, request.retrieveRoot());
      StudyRecord study = pageStudies.get(s.getStudyInstanceUid());
      if (withStudy && study != null) {
        d.addMissing(ResultDatasets.study(study, null));
      }
      addFromRepresentative(d, request, Filters.eq("seriesInstanceUid", s.getSeriesInstanceUid()));
      datasets.add(d);
    }
    return new QueryResult(datasets, truncated, warnings);
  }

  private QueryResult instances(
      QueryRequest request, Map<QueryLevel, List<Bson>> filters, List<String> warnings) {
    List<Bson> own = new ArrayList<>(filters.getOrDefault(QueryLevel.INSTANCE, List.of()));
    own.add(Filters.eq("status", InstanceRecord.STORED));
    Map<String, StudyRecord> studies = scopeStudies(filters, own, "studyInstanceUid");
    if (studies != null && studies.isEmpty()) {
      return new QueryResult(List.of(), false, warnings);
    }
    Map<String, SeriesRecord> series = null;
    List<Bson> seriesFilters = filters.get(QueryLevel.SERIES);
    if (seriesFilters != null && !seriesFilters.isEmpty()) {
      List<Bson> scoped = new ArrayList<>(seriesFilters);
      if (studies != null) {
        scoped.add(Filters.in("studyInstanceUid", studies.keySet()));
      }
      series = byId(index.find(SeriesRecord.class, and(scoped), null, 0, MAX_SCOPE + 1),
          SeriesRecord::getSeriesInstanceUid);
      requireScope(series.size());
      if (series.isEmpty()) {
        return new QueryResult(List.of(), false, warnings);
      }
      own.add(Filters.in("seriesInstanceUid", series.keySet()));
    }
    List<InstanceRecord> found =
        index.find(
            InstanceRecord.class,
            and(own),
            Sorts.ascending("studyInstanceUid", "seriesInstanceUid", "instanceNumberValue", "_id"),
            request.offset(),
            request.limit() + 1);
    boolean truncated = found.size() > request.limit();
    List<InstanceRecord> page = truncated ? found.subList(0, request.limit()) : found;
    boolean withStudy = !request.matches().containsKey(0x0020000D);
    boolean withSeries = !request.matches().containsKey(0x0020000E);
    Map<String, StudyRecord> pageStudies =
        withStudy ? studiesById(page, InstanceRecord::getStudyInstanceUid) : Map.of();
    Map<String, SeriesRecord> pageSeries =
        withSeries ? seriesById(page) : Map.of();
    List<DicomDataset> datasets = new ArrayList<>();
    for (InstanceRecord i : page) {
      DicomDataset header = ResultDatasets.instanceHeader(i);
      DicomDataset d = ResultDatasets.instance(i, header, request.includeAll(), request.retrieveRoot());
      d.copyFrom(header, request.include());
      SeriesRecord s = pageSeries.get(i.getSeriesInstanceUid());
      if (s != null) {
        d.addMissing(ResultDatasets.series(s, null));
      }
      StudyRecord study = pageStudies.get(i.getStudyInstanceUid());
      if (study != null) {
        d.addMissing(ResultDatasets.study(study, null));
      }
      datasets.add(d);
    }
    return new QueryResult(datasets, truncated, warnings);
  }

  /** PATIENT level (C-FIND Patient Root): studies grouped by Patient ID. */
  private QueryResult patients(
      QueryRequest request, Map<QueryLevel, List<Bson>> filters, List<String> warnings) {
    List<StudyRecord> studies =
        index.find(
            StudyRecord.class,
            and(filters.get(QueryLevel.STUDY)),
            Sorts.ascending("patientId", "_id"),
            0,
            MAX_SCOPE + 1);
    requireScope(studies.size());
    Map<String, List<StudyRecord>> byPatient = new LinkedHashMap<>();
    for (StudyRecord s : studies) {
      byPatient.computeIfAbsent(s.getPatientId(), k -> new ArrayList<>()).add(s);
    }
    List<DicomDataset> datasets = new ArrayList<>();
    int skipped = 0;
    boolean truncated = false;
    for (List<StudyRecord> group : byPatient.values()) {
      if (skipped++ < request.offset()) {
        continue;
      }
      if (datasets.size() == request.limit()) {
        truncated = true;
        break;
      }
      DicomDataset d = new DicomDataset();
      d.put(0x00080005, "CS", "ISO_IR 192");
      ResultDatasets.patient(group.get(0), d);
      d.putNumber(0x00201200, "IS", group.size());
      d.putNumber(0x00201202, "IS", group.stream().mapToInt(StudyRecord::getNumberOfSeries).sum());
      d.putNumber(0x00201204, "IS", group.stream().mapToInt(StudyRecord::getNumberOfInstances).sum());
      datasets.add(d);
    }
    return new QueryResult(datasets, truncated, warnings);
  }

  /**
   * Resolves the study-level keys to study records and constrains {@code own} to them.
   *
   * @return null when there are no study-level keys (no constraint)
   */
  private Map<String, StudyRecord> scopeStudies(
      Map<QueryLevel, List<Bson>> filters, List<Bson> own, String studyField) {
    List<Bson> studyFilters = filters.get(QueryLevel.STUDY);
    if (studyFilters == null || studyFilters.isEmpty()) {
      return null;
    }
    Map<String, StudyRecord> studies =
        byId(index.find(StudyRecord.class, and(studyFilters), null, 0, MAX_SCOPE + 1),
            StudyRecord::getStudyInstanceUid);
    requireScope(studies.size());
    own.add(Filters.in(studyField, studies.keySet()));
    return studies;
  }

  /**
   * Attributes asked for by includefield that the index does not keep at this level are taken
   * from a representative instance's stored header (study- and series-level attributes are the
   * same in every instance of the study or series).
   */
  private void addFromRepresentative(DicomDataset d, QueryRequest request, Bson scope) {
    List<Integer> missing =
        request.include().stream().filter(tag -> !d.contains(tag)).toList();
    if (missing.isEmpty() && !request.includeAll()) {
      return;
    }
    List<InstanceRecord> one =
        index.find(InstanceRecord.class, Filters.and(scope, Filters.eq("status", InstanceRecord.STORED)), null, 0, 1);
    if (one.isEmpty()) {
      return;
    }
    DicomDataset header = ResultDatasets.instanceHeader(one.get(0));
    d.copyFrom(header, missing);
    if (request.includeAll()) {
      // all = every patient and study attribute of the header (groups 0010 and the study's)
      for (Integer tag : header.elements().keySet()) {
        if ((tag >>> 16) == 0x0010 && Keywords.keywordOf(tag) != null) {
          d.copyFrom(header, List.of(tag));
        }
      }
    }
  }

  private static void requireScope(int size) {
    if (size > MAX_SCOPE) {
      throw new QueryException(
          "The query matches more than " + MAX_SCOPE + " studies or series at a higher level;"
              + " narrow it (e.g. by StudyDate or PatientID)");
    }
  }

  private <T> Map<String, StudyRecord> studiesById(List<T> records, Function<T, String> studyUid) {
    Set<String> uids = records.stream().map(studyUid).collect(Collectors.toSet());
    if (uids.isEmpty()) {
      return Map.of();
    }
    return byId(
        index.find(StudyRecord.class, Filters.in("_id", uids), null, 0, uids.size()),
        StudyRecord::getStudyInstanceUid);
  }

  private Map<String, SeriesRecord> seriesById(List<InstanceRecord> instances) {
    Set<String> uids =
        instances.stream().map(InstanceRecord::getSeriesInstanceUid).collect(Collectors.toSet());
    if (uids.isEmpty()) {
      return Map.of();
    }
    return byId(
        index.find(SeriesRecord.class, Filters.in("_id", uids), null, 0, uids.size()),
        SeriesRecord::getSeriesInstanceUid);
  }

  private static <T> Map<String, T> byId(List<T> records, Function<T, String> id) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T r : records) {
      map.put(id.apply(r), r);
    }
    return map;
  }

  private static Bson and(List<Bson> filters) {
    if (filters == null || filters.isEmpty()) {
      return Filters.empty();
    }
    return filters.size() == 1 ? filters.get(0) : Filters.and(filters);
  }
}
