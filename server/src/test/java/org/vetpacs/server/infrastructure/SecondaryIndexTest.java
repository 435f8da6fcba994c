package org.vetpacs.server.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's secondary indexes, through the real MongoDB driver: every answer equals a
 * full scan of an identical collection without indexes, and the plans read few documents.
 */
class SecondaryIndexTest {

  private static final String[] SPECIES = {
    "Canine", "canine", "CANINE", "Feline", "Équine", "Kestrel"
  };
  private static final String[] MODALITIES = {"CT", "MR", "DX", "US"};
  private static final String[] TOKENS = {
    "bailey", "bain", "smith", "smythe", "rex", "k\u212aelvin"
  };

  /** Normalized names (as the archive's patientNameKey), several sharing each prefix. */
  private static final String[] NAMES = {
    "BAILEY^SMITH", "BAIN^SMYTHE", "BAILEY^JONES", "BARNABY^REX", "BELLA^DOE", "BELLA^DOE",
    "B^Q", "KELVIN^K", "REX^BAILEY", "SMITH^BAIN", "BA\u0000ZE^NUL", "\uffffBA^HIGH"
  };

  @TempDir Path dir;

  /** A running embedded server over {@code store}, closed with the client. */
  private static final class Server implements AutoCloseable {
    final EmbeddedMongo.DurableH2Backend backend;
    final MongoServer server;
    final MongoClient client;

    Server(MVStore store) {
      backend = new EmbeddedMongo.DurableH2Backend(store);
      server = new MongoServer(backend);
      client = MongoClients.create(server.bindAndGetConnectionString());
    }

    MongoDatabase db() {
      return client.getDatabase("vetpacs");
    }

    IndexedH2Collection collection(String name) {
      return (IndexedH2Collection) backend.resolveDatabase("vetpacs").resolveCollection(name, true);
    }

    @Override
    public void close() {
      client.close();
      server.shutdownNow();
    }
  }

  private static void createIndexes(MongoCollection<Document> c) {
    c.createIndex(
        Indexes.compoundIndex(
            Indexes.descending("studyDate", "studyTime"), Indexes.ascending("_id")));
    for (String field : new String[] {"patientId", "species", "modalities", "tokens", "n"}) {
      c.createIndex(Indexes.ascending(field));
    }
    c.createIndex(Indexes.ascending("patientId", "n"));
    c.createIndex(NAME_THEN_NEWEST);
  }

  /** The archive's PatientName index: the name key, then its default order (newest first). */
  private static final Bson NAME_THEN_NEWEST =
      Indexes.compoundIndex(
          Indexes.ascending("nameKey"),
          Indexes.descending("studyDate", "studyTime"),
          Indexes.ascending("_id"));

  private static final Bson NEWEST_FIRST =
      Sorts.orderBy(Sorts.descending("studyDate", "studyTime"), Sorts.ascending("_id"));

  /** {@code count} documents of {@link #randomDocument}, numbered from 0. */
  private static List<Document> randomDocuments(Random r, int count) {
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      docs.add(randomDocument(r, i));
    }
    return docs;
  }

  private static Document randomDocument(Random r, int i) {
    Document d = new Document("_id", String.format("1.2.%05d", i));
    if (r.nextInt(10) > 0) {
      d.put("studyDate", "2024" + String.format("%02d%02d", 1 + r.nextInt(3), 1 + r.nextInt(5)));
    } else if (r.nextBoolean()) {
      d.put("studyDate", null);
    }
    if (r.nextInt(5) > 0) {
      d.put("studyTime", String.format("%02d%02d", r.nextInt(3) + 8, r.nextInt(2) * 30));
    }
    d.put("patientId", "P" + r.nextInt(40));
    d.put("species", SPECIES[r.nextInt(SPECIES.length)]);
    List<String> modalities = new ArrayList<>();
    for (int m = r.nextInt(3); m > 0; m--) {
      modalities.add(MODALITIES[r.nextInt(MODALITIES.length)]);
    }
    d.put("modalities", modalities);
    d.put("tokens", List.of(TOKENS[r.nextInt(TOKENS.length)], TOKENS[r.nextInt(TOKENS.length)]));
    if (i % 17 != 0) { // drawn from i, not r: the other fields stay what earlier seeds gave
      d.put("nameKey", NAMES[(i * 7 + i / 13) % NAMES.length]);
    }
    switch (r.nextInt(4)) {
      case 0 -> d.put("n", r.nextInt(20));
      case 1 -> d.put("n", r.nextInt(20) + 0.5);
      case 2 -> d.put("n", (long) r.nextInt(20));
      default -> {} // missing
    }
    return d;
  }

  private static String quoted(String literal) {
    return "^" + Pattern.quote(literal);
  }

  private static Bson randomFilter(Random r) {
    List<Bson> parts = new ArrayList<>();
    for (int k = r.nextInt(3) + 1; k > 0; k--) {
      parts.add(
          switch (r.nextInt(17)) {
            case 13 -> Filters.regex("nameKey", quoted(r.nextBoolean() ? "BA" : "BELLA") + ".*$");
            case 14 -> Filters.eq("nameKey", NAMES[r.nextInt(NAMES.length)]);
            case 15 -> Filters.regex("nameKey", quoted("B") + ".*" + Pattern.quote("SMITH") + "$");
            case 16 -> Filters.regex("nameKey", "^ba", "i");
            case 0 -> Filters.eq("patientId", "P" + r.nextInt(40));
            case 1 -> Filters.in("patientId", "P" + r.nextInt(40), "P" + r.nextInt(40), "nobody");
            case 2 -> Filters.gte("studyDate", "202402" + String.format("%02d", r.nextInt(6)));
            case 3 ->
                Filters.and(
                    Filters.gte("studyDate", "20240102"), Filters.lte("studyDate", "20240203"));
            case 4 -> Filters.lt("studyDate", "202402" + String.format("%02d", r.nextInt(6)));
            case 5 -> Filters.regex("patientId", quoted("P" + (1 + r.nextInt(3))) + ".*$");
            case 6 -> Filters.regex("species", quoted("canine") + "$", "i");
            case 7 -> Filters.eq("modalities", MODALITIES[r.nextInt(MODALITIES.length)]);
            case 8 -> Filters.in("modalities", "CT", "US");
            case 9 -> Filters.regex("tokens", quoted(r.nextBoolean() ? "ba" : "sm"));
            case 10 -> Filters.regex("tokens", "^K", "i"); // the Kelvin sign is a k too
            case 11 -> r.nextBoolean() ? Filters.gt("n", r.nextInt(20)) : Filters.lte("n", 7.5);
            default -> Filters.eq("species", SPECIES[r.nextInt(SPECIES.length)]);
          });
    }
    return parts.size() == 1 ? parts.get(0) : Filters.and(parts);
  }

  private static Bson randomSort(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> null;
      case 1, 2 ->
          Sorts.orderBy(Sorts.descending("studyDate", "studyTime"), Sorts.ascending("_id"));
      case 3 -> Sorts.orderBy(Sorts.ascending("studyDate", "studyTime"), Sorts.descending("_id"));
      case 4 -> Sorts.ascending("patientId");
      default -> Sorts.orderBy(Sorts.descending("n"), Sorts.ascending("_id"));
    };
  }

  private static List<Document> run(
      MongoCollection<Document> c, Bson filter, Bson sort, int skip, int limit) {
    FindIterable<Document> find = c.find(filter).skip(skip).limit(limit);
    if (sort != null) {
      find = find.sort(sort);
    }
    return find.into(new ArrayList<>());
  }

  private static void assertSameAnswers(
      MongoCollection<Document> indexed, MongoCollection<Document> plain, long seed, int queries) {
    Random r = new Random(seed);
    for (int q = 0; q < queries; q++) {
      Bson filter = randomFilter(r);
      Bson sort = randomSort(r);
      int skip = r.nextInt(4) == 0 ? r.nextInt(6) : 0;
      int limit = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(25);
      Supplier<String> what = () -> filter + " sort " + sort + " skip " + skip + " limit " + limit;
      assertEquals(
          run(plain, filter, sort, skip, limit), run(indexed, filter, sort, skip, limit), what);
      assertEquals(plain.countDocuments(filter), indexed.countDocuments(filter), what);
    }
  }

  @Test
  void indexedAnswersEqualAFullScanForRandomQueriesSortsAndPages() {
    try (Server s = new Server(MVStore.open(null))) {
      MongoCollection<Document> indexed = s.db().getCollection("indexed");
      MongoCollection<Document> plain = s.db().getCollection("plain");
      Random r = new Random(8);
      // half before the indexes exist (back-filled), half after (maintained on insert)
      List<Document> docs = randomDocuments(r, 1500);
      indexed.insertMany(docs.subList(0, 700));
      createIndexes(indexed);
      indexed.insertMany(docs.subList(700, docs.size()));
      plain.insertMany(docs);
      assertSameAnswers(indexed, plain, 1, 250);

      // updates and deletes keep the entries in step
      for (MongoCollection<Document> c : List.of(indexed, plain)) {
        c.updateMany(Filters.eq("patientId", "P3"), Updates.set("studyDate", "20240315"));
        c.updateMany(Filters.eq("species", "Feline"), Updates.push("modalities", "MR"));
        c.updateMany(Filters.regex("patientId", "^P1"), Updates.unset("n"));
        c.deleteMany(Filters.in("modalities", "US"));
        c.replaceOne(Filters.eq("_id", "1.2.00001"), new Document("patientId", "P99"));
      }
      assertSameAnswers(indexed, plain, 2, 150);
    }
  }

  @Test
  void newestFirstPageWalksTheDateIndexInsteadOfSortingEveryMatch() {
    try (Server s = new Server(MVStore.open(null))) {
      MongoCollection<Document> studies = s.db().getCollection("studies");
      createIndexes(studies);
      Random r = new Random(3);
      List<Document> docs = randomDocuments(r, 5000);
      studies.insertMany(docs);
      IndexedH2Collection collection = s.collection("studies");
      Bson newestFirst =
          Sorts.orderBy(Sorts.descending("studyDate", "studyTime"), Sorts.ascending("_id"));

      long before = collection.documentsRead();
      List<Document> page =
          run(studies, Filters.regex("species", "^canine$", "i"), newestFirst, 0, 101);
      long read = collection.documentsRead() - before;
      assertEquals(101, page.size());
      assertTrue(read > 0 && read < 400, "documents read for one page of canines: " + read);

      // the archive queries through aggregate($match, $sort, $skip, $limit): the same plan
      Bson canines = Filters.regex("species", "^canine$", "i");
      before = collection.documentsRead();
      List<Document> aggregated =
          studies
              .aggregate(
                  List.of(
                      Aggregates.match(canines),
                      Aggregates.sort(newestFirst),
                      Aggregates.skip(3),
                      Aggregates.limit(50)))
              .into(new ArrayList<>());
      read = collection.documentsRead() - before;
      assertEquals(run(studies, canines, newestFirst, 3, 50), aggregated);
      assertTrue(read > 0 && read < 400, "documents read by the aggregation: " + read);
      // other pipelines still run as aggregations
      Document grouped =
          studies
              .aggregate(
                  List.of(
                      Aggregates.match(canines), Aggregates.group(null, Accumulators.sum("n", 1))))
              .first();
      assertEquals(studies.countDocuments(canines), grouped.getInteger("n").longValue());

      before = collection.documentsRead();
      assertEquals(1, run(studies, Filters.eq("_id", "1.2.00042"), null, 0, 0).size());
      run(studies, Filters.eq("patientId", "P7"), newestFirst, 0, 101);
      read = collection.documentsRead() - before;
      assertTrue(read > 0 && read < 400, "documents read for one patient: " + read);
    }
  }

  /** Issue #8: QIDO-RS PatientName=BAI* at 1M instances read every BAI study and sorted them. */
  @Test
  void namePrefixPageNewestFirstReadsAboutAPageHoweverManyNamesMatch() {
    try (Server s = new Server(MVStore.open(null))) {
      MongoCollection<Document> studies = s.db().getCollection("studies");
      MongoCollection<Document> plain = s.db().getCollection("plain");
      createIndexes(studies);
      Random r = new Random(11);
      List<Document> docs = randomDocuments(r, 6000);
      studies.insertMany(docs);
      plain.insertMany(docs);
      IndexedH2Collection collection = s.collection("studies");

      Bson prefix = Filters.regex("nameKey", quoted("BAI") + ".*$");
      long matching = plain.countDocuments(prefix);
      assertTrue(matching > 1000, "studies whose name begins with BAI: " + matching);
      for (int skip : new int[] {0, 100, 1400}) {
        long before = collection.documentsRead();
        List<Document> page = run(studies, prefix, NEWEST_FIRST, skip, 101);
        long read = collection.documentsRead() - before;
        assertEquals(run(plain, prefix, NEWEST_FIRST, skip, 101), page);
        assertTrue(read <= skip + 101, "documents read for a page at " + skip + ": " + read);
      }

      // the same through aggregate($match, $sort, $skip, $limit), as the archive queries
      long before = collection.documentsRead();
      List<Document> aggregated =
          studies
              .aggregate(
                  List.of(
                      Aggregates.match(prefix),
                      Aggregates.sort(NEWEST_FIRST),
                      Aggregates.skip(20),
                      Aggregates.limit(101)))
              .into(new ArrayList<>());
      assertEquals(run(plain, prefix, NEWEST_FIRST, 20, 101), aggregated);
      assertTrue(collection.documentsRead() - before <= 121, "read by the aggregation");

      // an exact name, the reverse order, and a pattern that only begins with the prefix
      Bson exact = Filters.eq("nameKey", "BELLA^DOE");
      Bson oldestFirst =
          Sorts.orderBy(Sorts.ascending("studyDate", "studyTime"), Sorts.descending("_id"));
      Bson prefixAndSuffix = Filters.regex("nameKey", quoted("BAI") + ".*" + Pattern.quote("JONES"));
      for (Bson filter : List.of(exact, prefix, prefixAndSuffix)) {
        for (Bson sort : List.of(NEWEST_FIRST, oldestFirst)) {
          before = collection.documentsRead();
          assertEquals(run(plain, filter, sort, 0, 101), run(studies, filter, sort, 0, 101));
          long read = collection.documentsRead() - before;
          assertTrue(read <= 101 * 6, filter + " " + sort + ": " + read + " documents read");
        }
      }
    }
  }

  @Test
  void indexesSurviveARestartWithoutBackFillAndACrashKeepsDataAndIndexInStep() {
    String file = dir.resolve("index.mv").toString();
    Random r = new Random(5);
    MVStore store = MVStore.open(file);
    try (Server s = new Server(store)) {
      MongoCollection<Document> c = s.db().getCollection("studies");
      createIndexes(c);
      List<Document> docs = randomDocuments(r, 800);
      c.insertMany(docs);
    }
    store.closeImmediately(); // a crash: only what the write commands committed is in the file

    store = MVStore.open(file);
    try (Server s = new Server(store)) {
      MongoCollection<Document> c = s.db().getCollection("studies");
      assertEquals(800, c.countDocuments());
      long before = s.collection("studies").documentsRead();
      assertEquals(
          run(c, Filters.eq("patientId", "P5"), Sorts.ascending("_id"), 0, 0).size(),
          c.find().into(new ArrayList<>()).stream()
              .filter(d -> "P5".equals(d.get("patientId")))
              .count());
      assertTrue(s.collection("studies").documentsRead() > before, "the index was not used");
      MongoCollection<Document> plain = s.db().getCollection("plain");
      plain.insertMany(c.find().into(new ArrayList<>()));
      assertSameAnswers(c, plain, 9, 60);
    }
    store.close();
  }
}
