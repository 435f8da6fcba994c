package org.vetpacs.dicomweb.index;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
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

  /**
   * Inserts the reservation of an instance being stored, unjournaled (MongoDB write concern {@code
   * j: false}): it is answered once applied, without waiting for the journal. The store's last
   * index write ({@link #markStored}) is journaled and makes it durable; if the process crashes
   * before that, the store was never acknowledged and losing its reservation loses nothing (a
   * reservation that did reach the disk is removed at the next start).
   *
   * @return false if an instance with that SOP Instance UID is already indexed (or reserved)
   */
  public boolean reserveForStore(InstanceRecord record) {
    try {
      collection("instances")
          .withWriteConcern(unjournaled())
          .insertOne(toDocument(record));
      return true;
    } catch (RuntimeException e) {
      if (isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * The last index write of a store: sets the record {@code STORED} with its blob key and time,
   * journaled (write concern {@code j: true}). MongoDB's journal is ordered, so the answer comes
   * only after every earlier write of this store (the unjournaled reservation and series/study
   * updates) is durable too (MongoDB manual, "Write Concern", j option).
   */
  public void markStored(InstanceRecord record) {
    collection("instances")
        .withWriteConcern(journaled())
        .updateOne(
            Filters.eq("_id", record.getSopInstanceUid()),
            new Document(
                "$set",
                new Document("status", record.getStatus())
                    .append("blobKey", record.getBlobKey())
                    .append("storedAt", record.getStoredAt())));
  }

  /**
   * A journaled write that changes nothing, answered only once every write applied before it is
   * durable: a re-send is answered "already stored" only after the first store's {@code STORED}
   * mark (which a concurrent store may have applied but not yet synced) is on disk.
   */
  public void awaitDurable(String sopInstanceUid) {
    collection("instances")
        .withWriteConcern(journaled())
        .updateOne(
            Filters.and(
                Filters.eq("_id", sopInstanceUid), Filters.eq("status", InstanceRecord.STORED)),
            new Document("$set", new Document("status", InstanceRecord.STORED)));
  }

  public void update(InstanceRecord record) {
    template.update(record);
  }

  /**
   * The document JNoSQL writes for {@code record} (field names as in the entity, the {@code @Id}
   * as {@code _id}, null fields left out), for the writes that need a write concern JNoSQL's
   * template cannot pass.
   */
  static Document toDocument(InstanceRecord record) {
    Document d = new Document("_id", record.getSopInstanceUid());
    putIfSet(d, "studyInstanceUid", record.getStudyInstanceUid());
    putIfSet(d, "seriesInstanceUid", record.getSeriesInstanceUid());
    putIfSet(d, "sopClassUid", record.getSopClassUid());
    putIfSet(d, "transferSyntaxUid", record.getTransferSyntaxUid());
    putIfSet(d, "instanceNumber", record.getInstanceNumber());
    d.put("instanceNumberValue", record.getInstanceNumberValue());
    putIfSet(d, "status", record.getStatus());
    putIfSet(d, "blobKey", record.getBlobKey());
    d.put("sizeBytes", record.getSizeBytes());
    putIfSet(d, "sha256", record.getSha256());
    putIfSet(d, "receivedSha256", record.getReceivedSha256());
    putIfSet(d, "storedAt", record.getStoredAt());
    putIfSet(d, "source", record.getSource());
    putIfSet(d, "metadata", record.getMetadata());
    putIfSet(d, "rejectedBy", record.getRejectedBy());
    putIfSet(d, "rejectionCode", record.getRejectionCode());
    return d;
  }

  private static void putIfSet(Document d, String field, Object value) {
    if (value != null) {
      d.put(field, value);
    }
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
   * Stored instances of a study, or of one series of it, with only the fields a WADO-RS retrieve
   * reads: UIDs, Instance Number, transfer syntax, status, blob key and size, and the DICOM JSON
   * only if {@code withMetadata}. A projection straight through the driver: the whole records
   * (their ~3 KB of DICOM JSON each) mapped by JNoSQL were a third of a study retrieve's time to
   * first byte (issue #8). The other fields of the returned records are unset.
   *
   * @param seriesInstanceUid the series, or null for the whole study
   */
  public List<InstanceRecord> storedInstancesForRetrieve(
      String studyInstanceUid, String seriesInstanceUid, boolean withMetadata) {
    List<Bson> filters = new ArrayList<>();
    filters.add(Filters.eq("studyInstanceUid", studyInstanceUid));
    if (seriesInstanceUid != null) {
      filters.add(Filters.eq("seriesInstanceUid", seriesInstanceUid));
    }
    filters.add(Filters.eq("status", InstanceRecord.STORED));
    List<String> fields =
        new ArrayList<>(
            List.of(
                "studyInstanceUid",
                "seriesInstanceUid",
                "sopClassUid",
                "transferSyntaxUid",
                "instanceNumber",
                "status",
                "blobKey",
                "sizeBytes"));
    if (withMetadata) {
      fields.add("metadata");
    }
    List<InstanceRecord> found = new ArrayList<>();
    for (Document d :
        collection("instances").find(Filters.and(filters)).projection(Projections.include(fields))) {
      found.add(fromRetrieveDocument(d));
    }
    return found;
  }

  /** The record of a projected document of {@link #storedInstancesForRetrieve}. */
  static InstanceRecord fromRetrieveDocument(Document d) {
    InstanceRecord r = new InstanceRecord();
    r.setSopInstanceUid(d.getString("_id"));
    r.setStudyInstanceUid(d.getString("studyInstanceUid"));
    r.setSeriesInstanceUid(d.getString("seriesInstanceUid"));
    r.setSopClassUid(d.getString("sopClassUid"));
    r.setTransferSyntaxUid(d.getString("transferSyntaxUid"));
    r.setInstanceNumber(d.getString("instanceNumber"));
    r.setStatus(d.getString("status"));
    r.setBlobKey(d.getString("blobKey"));
    if (d.get("sizeBytes") instanceof Number size) {
      r.setSizeBytes(size.longValue());
    }
    r.setMetadata(d.getString("metadata"));
    return r;
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
   * @param journaled false for the unjournaled writes of a store ({@code j: false}), which its last
   *     write ({@link #markStored}) makes durable
   * @return true if the series record is new
   */
  public boolean upsertSeries(SeriesRecord series, int increment, boolean journaled) {
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
            .withWriteConcern(journaled ? journaled() : unjournaled())
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
   *
   * @param journaled as for {@link #upsertSeries}
   */
  public void upsertStudy(
      StudyRecord study, boolean newSeries, String modality, int increment, boolean journaled) {
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
    MongoCollection<Document> studies =
        collection("studies").withWriteConcern(journaled ? journaled() : unjournaled());
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

  /** The connection's write concern, answered once applied (MongoDB {@code j: false}). */
  private WriteConcern unjournaled() {
    return collection("instances").getWriteConcern().withJournal(false);
  }

  /** The connection's write concern, answered once in the journal (MongoDB {@code j: true}). */
  private WriteConcern journaled() {
    return collection("instances").getWriteConcern().withJournal(true);
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
