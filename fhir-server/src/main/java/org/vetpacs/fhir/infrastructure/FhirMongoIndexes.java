package org.vetpacs.fhir.infrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Creates the MongoDB indexes the FHIR store's reads and searches need (idempotent: MongoDB ignores
 * an index that already exists), as {@code dicomweb}'s {@code infrastructure.MongoIndexes} does for
 * the DICOM index. Every search of {@link MongoFhirResourceStore} filters on {@code resourceType}
 * first, so each index starts with it:
 *
 * <ul>
 *   <li>{@code fhir_resources (resourceType, keys)}: every token, reference and string parameter
 *       (one multikey index over the {@code param=value} keys; string search is an anchored
 *       prefix regex, which an index serves);
 *   <li>{@code (resourceType, lastUpdated, _id)}: the default order, newest first, and paging;
 *   <li>{@code (resourceType, date, _id)}: the type's date parameter and {@code _sort} on it;
 *   <li>{@code (resourceType, resourceId)}: {@code _id} searches;
 *   <li>{@code fhir_history (resourceType, resourceId, versionId)}: {@code _history} of one resource
 *       (vread goes by {@code _id}, unique by construction).
 * </ul>
 *
 * The embedded mongo-java-server keeps no secondary indexes (it scans); these matter on a real
 * MongoDB ({@code VETPACS_MONGODB_URL}).
 */
public final class FhirMongoIndexes {

  private static final Logger LOG = Logger.getLogger(FhirMongoIndexes.class.getName());

  private FhirMongoIndexes() {}

  /**
   * Creates the indexes; a failure is logged and leaves searches slower, never failing start-up.
   *
   * @param client the driver client
   * @param database the database name
   */
  public static void ensure(MongoClient client, String database) {
    MongoDatabase db = client.getDatabase(database);
    MongoCollection<Document> resources = db.getCollection("fhir_resources");
    MongoCollection<Document> history = db.getCollection("fhir_history");
    create(resources, Indexes.ascending("resourceType", "keys"));
    create(resources, Indexes.compoundIndex(Indexes.ascending("resourceType"),
        Indexes.descending("lastUpdated"), Indexes.ascending("_id")));
    create(resources, Indexes.compoundIndex(Indexes.ascending("resourceType"),
        Indexes.descending("date"), Indexes.ascending("_id")));
    create(resources, Indexes.ascending("resourceType", "resourceId"));
    create(history, Indexes.compoundIndex(Indexes.ascending("resourceType", "resourceId"),
        Indexes.descending("versionId")));
  }

  private static void create(MongoCollection<Document> collection, Bson keys) {
    try {
      collection.createIndex(keys);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not create an index on " + collection.getNamespace()
          + "; FHIR searches will be slower", e);
    }
  }
}
