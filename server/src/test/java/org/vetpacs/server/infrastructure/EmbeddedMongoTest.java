package org.vetpacs.server.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

  @TempDir Path dataDir;

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
