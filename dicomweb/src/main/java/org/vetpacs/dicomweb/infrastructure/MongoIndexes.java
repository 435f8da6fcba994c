package org.vetpacs.dicomweb.infrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * Creates the MongoDB indexes that the archive's query paths need (idempotent: MongoDB ignores an
 * index that already exists). JNoSQL maps entities but does not manage indexes, so this uses the
 * driver directly, once, at start-up.
 */
public final class MongoIndexes {

  private static final Logger LOG = Logger.getLogger(MongoIndexes.class.getName());

  private MongoIndexes() {}

  public static void ensure(MongoClient client, String database) {
    try {
      MongoDatabase db = client.getDatabase(database);
      // instances: WADO-RS, QIDO-RS instance level in its order, counts; the start-up sweep
      db.getCollection("instances")
          .createIndex(
              Indexes.ascending(
                  "studyInstanceUid", "seriesInstanceUid", "instanceNumberValue", "status"));
      db.getCollection("instances").createIndex(Indexes.ascending("seriesInstanceUid", "status"));
      db.getCollection("instances").createIndex(Indexes.ascending("sopClassUid"));
      db.getCollection("instances").createIndex(Indexes.ascending("status"));
      // series: QIDO-RS series level in its order, and by modality
      db.getCollection("series")
          .createIndex(Indexes.ascending("studyInstanceUid", "seriesNumberValue"));
      db.getCollection("series").createIndex(Indexes.ascending("modality"));
      // studies: the QIDO-RS study search keys, and the default order (newest first)
      db.getCollection("studies")
          .createIndex(Indexes.compoundIndex(Indexes.descending("studyDate", "studyTime"), Indexes.ascending("_id")));
      // PatientName (exact or wildcard on the normalized key), with the default order after it:
      // an exact name is one walk of the index in order; for a prefix (DOE*) the embedded index
      // sorts the matching entries by their keys and reads about a page of documents (issue #8).
      // It also serves every query that the single-field index on patientNameKey served.
      db.getCollection("studies")
          .createIndex(
              Indexes.compoundIndex(
                  Indexes.ascending("patientNameKey"),
                  Indexes.descending("studyDate", "studyTime"),
                  Indexes.ascending("_id")));
      for (String field :
          new String[] {
            "patientId",
            "patientNameTokens",
            "accessionNumber",
            "studyDate",
            "modalitiesInStudy",
            "patientSpeciesDescription",
            "responsiblePerson"
          }) {
        db.getCollection("studies").createIndex(Indexes.ascending(field));
      }
      // worklist: unique order identifiers (also kept by the embedded server), then the
      // Modality Worklist query paths: date with modality or station, status, patient
      IndexOptions unique = new IndexOptions().unique(true);
      MongoCollection<Document> worklist = db.getCollection("worklist");
      worklist.createIndex(Indexes.ascending("accessionNumber"), unique);
      worklist.createIndex(Indexes.ascending("studyInstanceUid"), unique);
      String startDate = "scheduledProcedureStepStartDate";
      worklist.createIndex(Indexes.ascending(startDate, "modality"));
      worklist.createIndex(Indexes.ascending("scheduledStationAeTitle", startDate));
      worklist.createIndex(Indexes.ascending("scheduledProcedureStepStatus", startDate));
      worklist.createIndex(Indexes.ascending("patientId"));
      // the item of a FHIR order (not unique: items made through /api/worklist have none)
      worklist.createIndex(Indexes.ascending("orderId"));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not create the index's MongoDB indexes; queries will be slower", e);
    }
  }
}
