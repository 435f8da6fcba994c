package org.vetpacs.server.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

  @TempDir Path dataDir;

  @Test
  void aConfiguredPortMustBeAPortNumberAndTheErrorNamesTheSetting() {
    assertEquals(18017, EmbeddedMongo.parsePort("18017"));
    for (String bad : new String[] {"abc", "0", "70000", "-1"}) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> EmbeddedMongo.parsePort(bad));
      assertTrue(e.getMessage().contains("VETPACS_EMBEDDED_MONGODB_PORT"), e.getMessage());
    }
  }

  @AfterEach
  void stop() {
    EmbeddedMongo.stop();
  }

  @Test
  void indexWrittenThroughTheWireProtocolSurvivesARestart() {
    String url = EmbeddedMongo.start(dataDir);
    try (MongoClient client = MongoClients.create(url)) {
      client.getDatabase("vetpacs").getCollection("studies")
          .insertOne(new Document("_id", "1.2.3").append("patientId", "VP1"));
    }
    EmbeddedMongo.stop();
    assertTrue(Files.isRegularFile(dataDir.resolve("index/vetpacs.mv")));

    String again = EmbeddedMongo.start(dataDir);
    try (MongoClient client = MongoClients.create(again)) {
      MongoCollection<Document> studies = client.getDatabase("vetpacs").getCollection("studies");
      Document found = studies.find(Filters.eq("_id", "1.2.3")).first();
      assertNotNull(found, "the study written before the restart is gone");
      assertEquals("VP1", found.getString("patientId"));
    }
  }

  @Test
  void aWriteWithJournalFalseIsAnsweredWithoutASyncAndAJournaledWriteSyncs() {
    String url = EmbeddedMongo.start(dataDir);
    try (MongoClient client = MongoClients.create(url)) {
      MongoCollection<Document> series = client.getDatabase("vetpacs").getCollection("series");
      series.insertOne(new Document("_id", "warm-up")); // creates the collection (journaled)
      long before = EmbeddedMongo.syncs();
      series.withWriteConcern(WriteConcern.ACKNOWLEDGED.withJournal(false))
          .insertOne(new Document("_id", "1.2.3.4"));
      assertEquals(before, EmbeddedMongo.syncs(), "a {j: false} write must not sync the file");
      series.withWriteConcern(WriteConcern.ACKNOWLEDGED.withJournal(true))
          .insertOne(new Document("_id", "1.2.3.5"));
      assertEquals(before + 1, EmbeddedMongo.syncs(), "a {j: true} write syncs once");
      series.insertOne(new Document("_id", "1.2.3.6"));
      assertEquals(before + 2, EmbeddedMongo.syncs(), "a write without write concern syncs");
    }
  }

  @Test
  void anAcknowledgedStoreIsIndexedAndReadableAfterTheIndexIsClosedAbruptlyAndReopened() {
    // The index writes of one store, as StoreService and StudyIndexer send them: the reservation
    // and the series/study upserts with {j: false}, the last write (instance STORED) journaled.
    String url = EmbeddedMongo.start(dataDir);
    try (MongoClient client = MongoClients.create(url)) {
      MongoDatabase db = client.getDatabase("vetpacs");
      WriteConcern unjournaled = WriteConcern.ACKNOWLEDGED.withJournal(false);
      WriteConcern journaled = WriteConcern.ACKNOWLEDGED.withJournal(true);
      MongoCollection<Document> instances = db.getCollection("instances");
      instances.withWriteConcern(unjournaled)
          .insertOne(new Document("_id", "1.2.3.1.1.1").append("studyInstanceUid", "1.2.3")
              .append("status", "PENDING"));
      db.getCollection("series").withWriteConcern(unjournaled).updateOne(
          Filters.eq("_id", "1.2.3.1"), Updates.inc("numberOfInstances", 1),
          new UpdateOptions().upsert(true));
      db.getCollection("studies").withWriteConcern(unjournaled).updateOne(
          Filters.eq("_id", "1.2.3"), Updates.inc("numberOfInstances", 1),
          new UpdateOptions().upsert(true));
      instances.withWriteConcern(journaled).updateOne(
          Filters.eq("_id", "1.2.3.1.1.1"), Updates.set("status", "STORED"));
    }
    EmbeddedMongo.crash(); // no clean close: only what was synced is in the file

    String again = EmbeddedMongo.start(dataDir);
    try (MongoClient client = MongoClients.create(again)) {
      MongoDatabase db = client.getDatabase("vetpacs");
      Document instance = db.getCollection("instances").find(Filters.eq("_id", "1.2.3.1.1.1")).first();
      assertNotNull(instance, "the acknowledged instance is gone after the crash");
      assertEquals("STORED", instance.getString("status"));
      assertEquals(1, db.getCollection("series").find(Filters.eq("_id", "1.2.3.1")).first()
          .getInteger("numberOfInstances"), "the series record written before it is gone");
      assertEquals(1, db.getCollection("studies").find(Filters.eq("_id", "1.2.3")).first()
          .getInteger("numberOfInstances"), "the study record written before it is gone");
    }
  }

  @Test
  void startIsIdempotentWhileRunning() {
    assertEquals(EmbeddedMongo.start(dataDir), EmbeddedMongo.start(dataDir));
    assertTrue(EmbeddedMongo.running());
  }

  @Test
  void configSourcePrefersAnExternalMongoUrl() {
    System.setProperty("vetpacs.mongodb.url", "mongodb://db.example:27017/?replicaSet=rs0");
    try {
      assertEquals(
          "mongodb://db.example:27017/?replicaSet=rs0",
          new IndexConfigSource().getValue("jnosql.mongodb.url"));
      assertEquals(false, EmbeddedMongo.running(), "nothing embedded may start with an external URL");
      assertEquals("vetpacs", new IndexConfigSource().getValue("jnosql.document.database"));
    } finally {
      System.clearProperty("vetpacs.mongodb.url");
    }
  }
}
