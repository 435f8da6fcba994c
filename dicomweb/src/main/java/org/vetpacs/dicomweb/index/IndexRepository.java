package org.vetpacs.dicomweb.index;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.jnosql.databases.mongodb.mapping.MongoDBTemplate;
import org.vetpacs.dicomweb.infrastructure.IndexDatabase;

/**
 * The DICOM index in MongoDB, through Eclipse JNoSQL: the {@code studies}, {@code series} and
 * {@code instances} collections. Field names in filters are the MongoDB document field names (the
 * entity's {@code @Id} is stored as {@code _id}).
 */
@ApplicationScoped
public class IndexRepository {

  private MongoDBTemplate template;

  /** The driver's view of the same database, for atomic update operators JNoSQL does not offer. */
  @Inject IndexDatabase database;

  protected IndexRepository() {}

  @Inject
  public IndexRepository(MongoDBTemplate template) {
    this.template = template;
  }

  /**
   * Inserts a reservation for a new instance.
   *
   * @return false if an instance with that SOP Instance UID is already indexed (or reserved)
   */
  public boolean reserve(InstanceRecord record) {
    try {
      template.insert(record);
      return true;
    } catch (RuntimeException e) {
      if (isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  public void update(InstanceRecord record) {
    template.update(record);
  }

  public void deleteInstance(String sopInstanceUid) {
    template.delete(InstanceRecord.class, sopInstanceUid);
  }

  public Optional<InstanceRecord> findInstance(String sopInstanceUid) {
    return template.find(InstanceRecord.class, sopInstanceUid);
  }

  /** Stored instances of a study, ordered by series then instance number. */
  public List<InstanceRecord> storedInstancesOfStudy(String studyInstanceUid) {
    try (Stream<InstanceRecord> found =
        template.select(
            InstanceRecord.class,
            Filters.and(
                Filters.eq("studyInstanceUid", studyInstanceUid),
                Filters.eq("status", InstanceRecord.STORED)))) {
      return found.collect(Collectors.toCollection(ArrayList::new));
    }
  }

  /** Stored instances of one series of a study (WADO-RS series resources). */
  public List<InstanceRecord> storedInstancesOfSeries(
      String studyInstanceUid, String seriesInstanceUid) {
    try (Stream<InstanceRecord> found =
        template.select(
            InstanceRecord.class,
            Filters.and(
                Filters.eq("studyInstanceUid", studyInstanceUid),
                Filters.eq("seriesInstanceUid", seriesInstanceUid),
                Filters.eq("status", InstanceRecord.STORED)))) {
      return found.collect(Collectors.toCollection(ArrayList::new));
    }
  }

  /**
   * Stored instances whose {@code key} is one of {@code values}, for the unique-key lookups of
   * C-MOVE and C-GET (PS3.4 C.4.2.2.1): a list of Study, Series or SOP Instance UIDs.
   */
  public List<InstanceRecord> storedInstancesWhere(
      InstanceKeyField key, java.util.Collection<String> values) {
    try (Stream<InstanceRecord> found =
        template.select(
            InstanceRecord.class,
            Filters.and(
                Filters.in(key.field, values), Filters.eq("status", InstanceRecord.STORED)))) {
      return found.collect(Collectors.toCollection(ArrayList::new));
    }
  }

  /** The unique keys an instance can be looked up by. */
  public enum InstanceKeyField {
    STUDY_INSTANCE_UID("studyInstanceUid"),
    SERIES_INSTANCE_UID("seriesInstanceUid"),
    SOP_INSTANCE_UID("_id");

    private final String field;

    InstanceKeyField(String field) {
      this.field = field;
    }
  }

  /** Study Instance UIDs of the studies of a patient (Patient Root retrieve at PATIENT level). */
  public List<String> studyUidsOfPatient(String patientId) {
    try (Stream<StudyRecord> found =
        template.select(StudyRecord.class, Filters.eq("patientId", patientId))) {
      return found.map(StudyRecord::getStudyInstanceUid).collect(Collectors.toList());
    }
  }

  public long countStoredInstances(Bson filter) {
    return template.count(
        InstanceRecord.class, Filters.and(filter, Filters.eq("status", InstanceRecord.STORED)));
  }

  /**
   * Every instance record of a study, or of one series of it, whatever its status except {@code
   * PENDING} (a store in progress belongs to its store): what a DELETE removes.
   */
  public List<InstanceRecord> settledInstances(String studyInstanceUid, String seriesInstanceUid) {
    List<Bson> filters = new ArrayList<>();
    filters.add(Filters.eq("studyInstanceUid", studyInstanceUid));
    if (seriesInstanceUid != null) {
      filters.add(Filters.eq("seriesInstanceUid", seriesInstanceUid));
    }
    filters.add(Filters.ne("status", InstanceRecord.PENDING));
    try (Stream<InstanceRecord> found =
        template.select(InstanceRecord.class, Filters.and(filters))) {
      return found.collect(Collectors.toCollection(ArrayList::new));
    }
  }

  /** Instance records in one status (e.g. deletions a crash interrupted). */
  public List<InstanceRecord> instancesWithStatus(String status) {
    try (Stream<InstanceRecord> found =
        template.select(InstanceRecord.class, Filters.eq("status", status))) {
      return found.collect(Collectors.toCollection(ArrayList::new));
    }
  }

  /** Removes reservations left by a crash between reserve and commit; returns how many. */
  public long deletePendingInstances() {
    return template.delete(InstanceRecord.class, Filters.eq("status", InstanceRecord.PENDING));
  }

  public Optional<SeriesRecord> findSeries(String seriesInstanceUid) {
    return template.find(SeriesRecord.class, seriesInstanceUid);
  }

  public List<SeriesRecord> seriesOfStudy(String studyInstanceUid) {
    try (Stream<SeriesRecord> found =
        template.select(SeriesRecord.class, Filters.eq("studyInstanceUid", studyInstanceUid))) {
      return found.collect(Collectors.toCollection(ArrayList::new));
    }
  }

  public void save(SeriesRecord series) {
    if (template.find(SeriesRecord.class, series.getSeriesInstanceUid()).isPresent()) {
      template.update(series);
    } else {
      insertOrUpdate(series);
    }
  }

  /**
   * Sets the series attributes from {@code series} (creating the record if needed) and adds
   * {@code increment} to its instance count in one atomic upsert ({@code $inc}, no scan of the
   * instances): 1 for a new instance, 0 when a header correction only changed attributes (the
   * caller then recounts).
   *
   * @return true if the series record is new
   */
  public boolean upsertSeries(SeriesRecord series, int increment) {
    Document set = new Document();
    Document unset = new Document();
    put(set, unset, "studyInstanceUid", series.getStudyInstanceUid());
    put(set, unset, "modality", series.getModality());
    put(set, unset, "seriesNumber", series.getSeriesNumber());
    set.put("seriesNumberValue", series.getSeriesNumberValue());
    put(set, unset, "seriesDescription", series.getSeriesDescription());
    put(set, unset, "bodyPartExamined", series.getBodyPartExamined());
    put(set, unset, "updatedAt", series.getUpdatedAt());
    Document update =
        new Document("$set", set).append("$inc", new Document("numberOfInstances", increment));
    if (!unset.isEmpty()) {
      update.append("$unset", unset);
    }
    return collection("series")
            .updateOne(
                Filters.eq("_id", series.getSeriesInstanceUid()),
                update,
                new UpdateOptions().upsert(true))
            .getUpsertedId()
        != null;
  }

  /**
   * Sets the study attributes from {@code study} (creating the record if needed), adds {@code
   * increment} instances (and one series if {@code newSeries}) to its counts and {@code modality}
   * to Modalities in Study. A header correction passes 0 and false, then recounts.
   */
  public void upsertStudy(StudyRecord study, boolean newSeries, String modality, int increment) {
    Document set = new Document();
    Document unset = new Document();
    put(set, unset, "patientName", study.getPatientName());
    put(set, unset, "patientNameKey", study.getPatientNameKey());
    put(set, unset, "patientNameTokens", study.getPatientNameTokens());
    put(set, unset, "patientId", study.getPatientId());
    put(set, unset, "patientBirthDate", study.getPatientBirthDate());
    put(set, unset, "patientSex", study.getPatientSex());
    put(set, unset, "patientSpeciesDescription", study.getPatientSpeciesDescription());
    put(set, unset, "patientBreedDescription", study.getPatientBreedDescription());
    put(set, unset, "responsiblePerson", study.getResponsiblePerson());
    put(set, unset, "responsibleOrganization", study.getResponsibleOrganization());
    put(set, unset, "studyDate", study.getStudyDate());
    put(set, unset, "studyTime", study.getStudyTime());
    put(set, unset, "accessionNumber", study.getAccessionNumber());
    put(set, unset, "studyId", study.getStudyId());
    put(set, unset, "studyDescription", study.getStudyDescription());
    put(set, unset, "referringPhysicianName", study.getReferringPhysicianName());
    put(set, unset, "updatedAt", study.getUpdatedAt());
    Document update =
        new Document("$set", set)
            .append(
                "$inc",
                new Document("numberOfInstances", increment)
                    .append("numberOfSeries", newSeries ? 1 : 0));
    boolean hasModality = modality != null && !modality.isEmpty();
    if (hasModality) {
      update.append("$addToSet", new Document("modalitiesInStudy", modality));
    } else {
      update.append("$setOnInsert", new Document("modalitiesInStudy", List.of()));
    }
    if (!unset.isEmpty()) {
      update.append("$unset", unset);
    }
    MongoCollection<Document> studies = collection("studies");
    Bson id = Filters.eq("_id", study.getStudyInstanceUid());
    studies.updateOne(id, update, new UpdateOptions().upsert(true));
    if (newSeries && hasModality) {
      // $addToSet appends; Modalities in Study is kept sorted, as a recount leaves it.
      Document found = studies.find(id).projection(Projections.include("modalitiesInStudy")).first();
      List<String> modalities =
          found == null ? List.of() : found.getList("modalitiesInStudy", String.class, List.of());
      List<String> sorted = modalities.stream().sorted().toList();
      if (!sorted.equals(modalities)) {
        studies.updateOne(id, new Document("$set", new Document("modalitiesInStudy", sorted)));
      }
    }
  }

  private MongoCollection<Document> collection(String name) {
    return database.client().getDatabase(database.database()).getCollection(name);
  }

  /** A null value is left out of the document, as JNoSQL leaves out a null field. */
  private static void put(Document set, Document unset, String field, Object value) {
    if (value == null) {
      unset.put(field, "");
    } else {
      set.put(field, value);
    }
  }

  public void deleteSeries(String seriesInstanceUid) {
    template.delete(SeriesRecord.class, seriesInstanceUid);
  }

  public void deleteStudy(String studyInstanceUid) {
    template.delete(StudyRecord.class, studyInstanceUid);
  }

  public Optional<StudyRecord> findStudy(String studyInstanceUid) {
    return template.find(StudyRecord.class, studyInstanceUid);
  }

  public void save(StudyRecord study) {
    if (template.find(StudyRecord.class, study.getStudyInstanceUid()).isPresent()) {
      template.update(study);
    } else {
      insertOrUpdate(study);
    }
  }

  /** Studies matching {@code filter}, newest study date first, paged. */
  public List<StudyRecord> findStudies(Bson filter, int offset, int limit) {
    List<Bson> pipeline = new ArrayList<>();
    pipeline.add(Aggregates.match(filter));
    pipeline.add(Aggregates.sort(Sorts.orderBy(Sorts.descending("studyDate"), Sorts.ascending("_id"))));
    if (offset > 0) {
      pipeline.add(Aggregates.skip(offset));
    }
    pipeline.add(Aggregates.limit(limit));
    try (Stream<StudyRecord> found = template.aggregate(StudyRecord.class, pipeline)) {
      return found.collect(Collectors.toCollection(ArrayList::new));
    }
  }

  /** Records of one collection matching {@code filter}, in {@code sort} order, paged. */
  public <T> List<T> find(Class<T> type, Bson filter, Bson sort, int offset, int limit) {
    List<Bson> pipeline = new ArrayList<>();
    pipeline.add(Aggregates.match(filter));
    if (sort != null) {
      pipeline.add(Aggregates.sort(sort));
    }
    if (offset > 0) {
      pipeline.add(Aggregates.skip(offset));
    }
    pipeline.add(Aggregates.limit(limit));
    try (Stream<T> found = template.aggregate(type, pipeline)) {
      return found.collect(Collectors.toCollection(ArrayList::new));
    }
  }

  public long countStudies(Bson filter) {
    return template.count(StudyRecord.class, filter);
  }

  /** A cheap round trip to the database, for health checks. */
  public long countAllStudies() {
    return template.count(StudyRecord.class, Filters.empty());
  }

  private <T> void insertOrUpdate(T entity) {
    try {
      template.insert(entity);
    } catch (RuntimeException e) {
      if (!isDuplicateKey(e)) {
        throw e;
      }
      template.update(entity); // another store inserted it first
    }
  }

  private static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MongoWriteException write
          && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return true;
      }
    }
    return false;
  }
}
