package org.vetpacs.server.it;

import static io.restassured.RestAssured.given;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.vetpacs.testdata.GeneratedInstance;
import org.vetpacs.testdata.GeneratedStudy;

/**
 * What the workflow ITs (WorkflowMatchIT, SubscriptionIT, ClinicDayIT) share: the PIMS's FHIR
 * calls and JSON, the modality's header edits, a test HTTP receiver of notifications and a bounded
 * wait. Package-private: test code only.
 */
final class ItSupport {

  static final String FHIR_JSON = "application/fhir+json";
  static final String JSON = "application/json";
  static final String DICOM_JSON = "application/dicom+json";

  private ItSupport() {}

  /** A short unique tag, so tests sharing one server never see each other's animals. */
  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  /** The IT work folder (failsafe sets {@code vetpacs.it.work}). */
  static Path work() throws IOException {
    return Files.createDirectories(
        Path.of(System.getProperty("vetpacs.it.work", "target/it-work")));
  }

  /** Polls a condition every 100 ms for at most 30 s. */
  static void await(BooleanSupplier condition, String what) {
    await(condition, what, 30);
  }

  /** Polls a condition every 100 ms for at most the seconds given. */
  static void await(BooleanSupplier condition, String what, long seconds) {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for: " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  // ---- the server's faces --------------------------------------------------------------------

  /** The FHIR, DICOMweb and reconciliation calls of a PIMS, a modality or staff. */
  record Server(String root) {

    String fhir() {
      return root + "/fhir";
    }

    Response post(String type, String body) {
      // FHIR JSON is UTF-8; without the charset REST Assured would encode the body in ISO-8859-1
      return given().contentType(FHIR_JSON + "; charset=UTF-8").accept(FHIR_JSON).body(body)
          .post(fhir() + "/" + type);
    }

    /** Creates a resource (201) and answers its relative reference {@code Type/id}. */
    String create(String type, String body) {
      Response r = post(type, body);
      r.then().statusCode(201);
      return type + "/" + r.jsonPath().getString("id");
    }

    JsonPath read(String ref) {
      return given().accept(FHIR_JSON).get(fhir() + "/" + ref).then().statusCode(200).extract()
          .jsonPath();
    }

    JsonPath search(String query) {
      return given().accept(FHIR_JSON).get(fhir() + "/" + query).then().statusCode(200)
          .extract().jsonPath();
    }

    /** WADO-RS study metadata (PS3.18 10.4), as DICOM JSON. */
    JsonPath metadata(String studyUid) {
      return given().accept(DICOM_JSON).get(root + "/dicom-web/studies/" + studyUid + "/metadata")
          .then().statusCode(200).extract().jsonPath();
    }

    /** The requested reconciliation queue item of a study, or null. */
    @SuppressWarnings("unchecked")
    Map<String, Object> queueItem(String studyUid) {
      List<Map<String, Object>> items = given().accept(JSON)
          .get(root + "/api/reconciliation?status=requested&limit=200")
          .then().statusCode(200).extract().jsonPath().getList("items");
      return items.stream().filter(i -> studyUid.equals(i.get("studyInstanceUid")))
          .findFirst().orElse(null);
    }
  }

  // ---- the PIMS's JSON -------------------------------------------------------------------------

  /** A registered dog, golden retriever, neutered; linked to its owner when ownerRef is given. */
  static String dogJson(String patientId, String pet, String owner, String ownerRef) {
    return """
        {"resourceType":"Patient",
         "identifier":[{"system":"https://vetpacs.org/fhir/sid/patient-id","value":"%s"}],
         "name":[{"family":"%s","given":["%s"]}],
         "gender":"female","birthDate":"2019-08-30",
         "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-animal","extension":[
           {"url":"species","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"448771007","display":"Canis lupus familiaris"}],"text":"Canine"}},
           {"url":"breed","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"58108001","display":"Golden retriever dog breed"}],"text":"Golden Retriever"}},
           {"url":"genderStatus","valueCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/animal-genderstatus","code":"neutered"}]}}]}]
         %s}
        """.formatted(patientId, owner, pet, ownerRef == null ? ""
            : ",\"link\":[{\"other\":{\"reference\":\"" + ownerRef + "\"},\"type\":\"seealso\"}]");
  }

  /** The owner, a RelatedPerson with role OWNER. */
  static String ownerJson(String family) {
    return """
        {"resourceType":"RelatedPerson","active":true,
         "patient":{"reference":"Patient/placeholder"},
         "relationship":[{"coding":[{"system":"https://vetpacs.org/fhir/CodeSystem/responsible-person-role","code":"OWNER","display":"Owner"}]}],
         "name":[{"family":"%s","given":["Jane"]}]}
        """.formatted(family);
  }

  /** An active order for thoracic radiographs. */
  static String orderJson(String patientRef) {
    return """
        {"resourceType":"ServiceRequest","status":"active","intent":"order",
         "code":{"coding":[{"system":"http://loinc.org","code":"36554-4","display":"XR Chest Views"}],"text":"Thoracic radiographs"},
         "subject":{"reference":"%s"},"authoredOn":"2026-11-20T10:00:00Z"}
        """.formatted(patientRef);
  }

  /** A rest-hook Subscription with a JSON payload and a bearer token. */
  static String subscriptionJson(String criteria, String endpoint) {
    return """
        {"resourceType":"Subscription","status":"requested","reason":"PIMS integration",
         "criteria":"%s",
         "channel":{"type":"rest-hook","endpoint":"%s","payload":"application/fhir+json",
                    "header":["Authorization: Bearer pims-token"]}}
        """.formatted(criteria, endpoint);
  }

  /**
   * What an AI vendor posts: its model as a contained Device named by the ai-device extension;
   * {@code extra} is added as further elements (e.g. basedOn, conclusionCode), or empty.
   */
  static String aiReportJson(String patientRef, String studyRef, String status, String extra) {
    return """
        {"resourceType":"DiagnosticReport","status":"%s",
         "contained":[{"resourceType":"Device","id":"ai",
           "deviceName":[{"name":"ThoraxNet","type":"model-name"}],"version":[{"value":"2.3.1"}]}],
         "extension":[{"url":"https://vetpacs.org/fhir/StructureDefinition/ai-device",
           "valueReference":{"reference":"#ai"}}],
         "code":{"coding":[{"system":"http://loinc.org","code":"18748-4"}]},
         "subject":{"reference":"%s"},
         "imagingStudy":[{"reference":"%s"}],%s
         "conclusion":"No cardiomegaly detected (AI)."}
        """.formatted(status, patientRef, studyRef, extra.isEmpty() ? "" : extra + ",");
  }

  // ---- the modality ----------------------------------------------------------------------------

  /** Rewrites the generated files as a modality would send them (an empty value: present, empty). */
  static List<Path> modify(GeneratedStudy study, Map<AttributeTag, String> values)
      throws Exception {
    List<Path> out = new ArrayList<>();
    for (GeneratedInstance i : study.instances()) {
      AttributeList list = new AttributeList();
      list.read(i.file().toFile());
      // the values are encoded in the character set the file declares (ISO_IR 100 here)
      Attribute declared = list.get(TagFromName.SpecificCharacterSet);
      SpecificCharacterSet charset =
          new SpecificCharacterSet(declared == null ? null : declared.getStringValues());
      for (Map.Entry<AttributeTag, String> e : values.entrySet()) {
        Attribute a = e.getKey().equals(TagFromName.PatientName)
            ? new PersonNameAttribute(e.getKey(), charset)
            : e.getKey().equals(TagFromName.AccessionNumber)
                ? new ShortStringAttribute(e.getKey(), charset)
                : e.getKey().equals(TagFromName.StudyInstanceUID)
                    ? new UniqueIdentifierAttribute(e.getKey())
                    : new LongStringAttribute(e.getKey(), charset);
        if (!e.getValue().isEmpty()) {
          a.addValue(e.getValue());
        }
        list.put(a);
      }
      Path modified = i.file().resolveSibling(i.sopInstanceUid() + "-modified.dcm");
      list.write(modified.toFile(),
          Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID),
          true, true);
      out.add(modified);
    }
    return out;
  }

  /** findscu -W (Modality Worklist, PS3.4 K.6) with the keys given; the answers as {@code -X} wrote them. */
  static List<AttributeList> worklist(Path work, String... keys) throws Exception {
    Path out = Files.createTempDirectory(work, "mwl-");
    List<String> command = new ArrayList<>(List.of("findscu", "-W", "-aec", "VETPACS", "-X",
        "-od", out.toString()));
    for (String k : keys) {
      command.add("-k");
      command.add(k);
    }
    command.addAll(List.of("127.0.0.1", Dcmtk.dicomPort()));
    Dcmtk.Result result = Dcmtk.run(command.toArray(String[]::new));
    if (result.exitCode() != 0) {
      throw new AssertionError("findscu failed: " + result.output());
    }
    List<AttributeList> answers = new ArrayList<>();
    try (var files = Files.list(out)) {
      for (Path file : files.sorted().toList()) {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        answers.add(list);
      }
    }
    return answers;
  }

  /** storescu of the files to the server under test; fails the test unless it exits 0. */
  static Dcmtk.Result storescu(List<Path> files) throws Exception {
    List<String> command = new ArrayList<>(
        List.of("storescu", "-v", "-aec", "VETPACS", "127.0.0.1", Dcmtk.dicomPort()));
    files.forEach(f -> command.add(f.toString()));
    Dcmtk.Result store = Dcmtk.run(command.toArray(String[]::new));
    if (store.exitCode() != 0) {
      throw new AssertionError("storescu failed: " + store.output());
    }
    return store;
  }

  // ---- the subscriber ----------------------------------------------------------------------------

  /** A test HTTP receiver on loopback that records every notification and answers 200. */
  static final class Receiver {
    record Call(String path, String contentType, String authorization, String body) {}

    private final List<Call> calls = new ArrayList<>();
    private final int port;
    private HttpServer server;

    Receiver(int port) throws IOException {
      this.port = port;
      start();
    }

    void start() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      server.createContext("/", exchange -> {
        byte[] body = exchange.getRequestBody().readAllBytes();
        synchronized (calls) {
          calls.add(new Call(exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestHeaders().getFirst("Authorization"),
              new String(body, StandardCharsets.UTF_8)));
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      server.start();
    }

    void stop() {
      server.stop(0);
    }

    int port() {
      return server.getAddress().getPort();
    }

    /** The endpoint URL of a path on this receiver. */
    String hook(String path) {
      return "http://127.0.0.1:" + port() + path;
    }

    List<Call> calls(Predicate<Call> which) {
      synchronized (calls) {
        return calls.stream().filter(which).toList();
      }
    }
  }
}
