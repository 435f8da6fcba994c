package org.vetpacs.testdata.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bson.Document;

/**
 * Grows the archive's index beyond what STOW-RS can fill in a benchmark's time: the records of a
 * few studies really stored by STOW-RS are read over the MongoDB wire protocol and written back
 * many times as clones with new UIDs, patients (names, IDs), dates and species drawn from the real
 * studies, in batches. Clones are exact copies otherwise (counters, series and instance records,
 * each instance's stored header), so study, series and instance queries treat them like real
 * studies; only their pixel data does not exist (nothing retrieves them).
 */
final class IndexFiller implements AutoCloseable {

  private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
  private static final int BATCH_STUDIES = 20;

  private final MongoClient client;
  private final MongoDatabase db;
  private final Random random = new Random(8_000_001);
  private final List<Template> templates = new ArrayList<>();
  private final List<String> petNames = new ArrayList<>();
  private final List<String> ownerNames = new ArrayList<>();
  private final List<Document> speciesOf = new ArrayList<>();
  private long clone;

  /** A real study with its series and instances. */
  private record Template(Document study, List<Document> series, List<Document> instances) {}

  IndexFiller(String mongoUrl, String database) {
    this.client = MongoClients.create(mongoUrl);
    this.db = client.getDatabase(database);
  }

  /** Instances in the index now. */
  long instances() {
    return db.getCollection("instances").countDocuments();
  }

  /** Reads up to {@code count} real studies as templates and the pools of names and species. */
  void readTemplates(int count) {
    for (Document s : db.getCollection("studies").find().sort(Sorts.ascending("_id"))) {
      String name = s.getString("patientName");
      if (name != null && name.contains("^")) {
        petNames.add(name.substring(0, name.indexOf('^')));
        ownerNames.add(name.substring(name.indexOf('^') + 1));
      }
      Document species = new Document();
      for (String field : List.of("patientSpeciesDescription", "patientBreedDescription")) {
        species.put(field, s.get(field));
      }
      speciesOf.add(species);
      if (templates.size() < count) {
        String uid = s.getString("_id");
        templates.add(
            new Template(
                s,
                db.getCollection("series")
                    .find(Filters.eq("studyInstanceUid", uid))
                    .into(new ArrayList<>()),
                db.getCollection("instances")
                    .find(Filters.eq("studyInstanceUid", uid))
                    .into(new ArrayList<>())));
      }
    }
    if (templates.isEmpty() || petNames.isEmpty()) {
      throw new IllegalStateException("no stored study to clone");
    }
  }

  /** Adds cloned studies until the index holds at least {@code target} instances. */
  void fillTo(long target) {
    long have = instances();
    MongoCollection<Document> studies = db.getCollection("studies");
    MongoCollection<Document> series = db.getCollection("series");
    MongoCollection<Document> instances = db.getCollection("instances");
    while (have < target) {
      List<Document> st = new ArrayList<>();
      List<Document> se = new ArrayList<>();
      List<Document> in = new ArrayList<>();
      for (int b = 0; b < BATCH_STUDIES && have < target; b++) {
        have += cloneStudy(templates.get(random.nextInt(templates.size())), st, se, in);
      }
      instances.insertMany(in);
      series.insertMany(se);
      studies.insertMany(st);
    }
  }

  private int cloneStudy(Template t, List<Document> st, List<Document> se, List<Document> in) {
    long n = clone++;
    String studyUid = "2.25.8" + String.format("%015d", n) + "0";
    String pet = petNames.get(random.nextInt(petNames.size()));
    String owner = ownerNames.get(random.nextInt(ownerNames.size()));
    String name = pet + "^" + owner;
    LocalDate date = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(4 * 365));
    Document study = new Document(t.study());
    study.put("_id", studyUid);
    study.put("patientName", name);
    study.put("patientNameKey", key(name));
    study.put("patientNameTokens", tokens(name));
    study.put("patientId", String.format("VPB%07d", n / 3)); // about three studies per patient
    study.put("accessionNumber", String.format("B%09d", n));
    study.put("studyDate", DA.format(date));
    study.putAll(speciesOf.get(random.nextInt(speciesOf.size())));
    st.add(study);
    for (int i = 0; i < t.series().size(); i++) {
      Document s = new Document(t.series().get(i));
      String seriesUid = studyUid + "." + (i + 1);
      String old = s.getString("_id");
      s.put("_id", seriesUid);
      s.put("studyInstanceUid", studyUid);
      se.add(s);
      int k = 0;
      for (Document instance : t.instances()) {
        if (old.equals(instance.getString("seriesInstanceUid"))) {
          Document c = new Document(instance);
          c.put("_id", seriesUid + "." + (++k));
          c.put("studyInstanceUid", studyUid);
          c.put("seriesInstanceUid", seriesUid);
          in.add(c);
        }
      }
    }
    return t.instances().size();
  }

  /** As the archive's NameNormalizer: upper case without accents. */
  private static String key(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT).trim();
  }

  private static List<String> tokens(String name) {
    List<String> tokens = new ArrayList<>();
    for (String token : key(name).split("[\\^=\\s,()]+")) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  @Override
  public void close() {
    client.close();
  }
}
