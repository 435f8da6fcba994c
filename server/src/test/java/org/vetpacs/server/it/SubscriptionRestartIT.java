package org.vetpacs.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.vetpacs.server.it.ItSupport.await;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A notification survives a server restart: the receiver is down, a report is finalised, the
 * server stops with the notification in its outbox and starts again on the same data folder; when
 * the receiver is back it gets the notification. Not Arquillian: this test starts Payara Micro
 * itself, twice, with the WAR as {@code ./vetpacs run} does, on a data folder of its own.
 */
class SubscriptionRestartIT {

  private static final String FHIR_JSON = "application/fhir+json";

  private Process server;
  private ItSupport.Receiver receiver;

  @AfterEach
  void tearDown() throws InterruptedException {
    if (receiver != null) {
      receiver.stop();
    }
    stop();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private String start(Path data, int http, Path log) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-jar", "target/payara-micro.jar",
        "--deploy", System.getProperty("vetpacs.war", "target/vetpacs.war"), "--contextroot", "/",
        "--port", Integer.toString(http), "--nohazelcast");
    pb.environment().put("VETPACS_DATA_DIR", data.toString());
    pb.environment().put("VETPACS_HTTP_PORT", Integer.toString(http));
    pb.environment().put("VETPACS_DICOM_PORT", System.getProperty("vetpacs.dicom.port", "11112"));
    // as ./vetpacs run: /openapi is the published document, not Payara's generator
    pb.environment().put("VETPACS_OPENAPI_GENERATE", "false");
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    server = pb.start();
    String root = "http://127.0.0.1:" + http;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new AssertionError("the server exited; see " + log);
      }
      try {
        if (given().accept(FHIR_JSON).get(root + "/fhir/metadata").statusCode() == 200) {
          return root;
        }
      } catch (Exception notYet) { // REST Assured throws ConnectException undeclared
        // not listening yet
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("the server did not start in 300 s; see " + log);
  }

  /** A normal stop (SIGTERM), as a service manager does it. */
  private void stop() throws InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroy();
      if (!server.waitFor(120, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
    server = null;
  }

  /**
   * Served the way {@code ./vetpacs run} serves it (this class starts the server like it): the
   * checked-in document, byte for byte, as JSON on request and as YAML (of which JSON is a subset)
   * by default; other methods are not allowed.
   */
  private static void thePublishedOpenApiDocumentIsServed(String root) throws IOException {
    String published = Files.readString(Path.of(System.getProperty("vetpacs.conformance.openapi.file",
        "../conformance/src/main/resources/openapi.json")));
    given().accept("application/json").get(root + "/openapi").then().statusCode(200)
        .contentType(containsString("application/json")).body(equalTo(published));
    given().get(root + "/openapi?format=JSON").then().statusCode(200)
        .contentType(containsString("application/json"));
    given().get(root + "/openapi").then().statusCode(200)
        .contentType(containsString("application/yaml")).body(equalTo(published));
    given().contentType("application/json").body("{}").post(root + "/openapi").then()
        .statusCode(405);
  }

  @Test
  void aNotificationWaitingInTheOutboxIsDeliveredAfterAServerRestart() throws Exception {
    Path work = Files.createDirectories(
        Path.of(System.getProperty("vetpacs.it.work", "target/it-work")));
    Path data = Files.createTempDirectory(work, "restart-data-");
    Path log = data.resolveSibling(data.getFileName() + ".log");
    int http = freePort();
    receiver = new ItSupport.Receiver(0);
    int hookPort = receiver.port();
    String fhir = start(data, http, log) + "/fhir";
    String root = "http://127.0.0.1:" + http;
    thePublishedOpenApiDocumentIsServed(root);

    String patient = "Patient/" + given().contentType(FHIR_JSON).body("""
        {"resourceType":"Patient",
         "identifier":[{"system":"https://vetpacs.org/fhir/sid/patient-id","value":"R%s"}],
         "name":[{"family":"Restart","given":["Luna"]}],
         "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-animal","extension":[
           {"url":"species","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"448771007"}]}}]}]}
        """.formatted(UUID.randomUUID().toString().substring(0, 8)))
        .post(fhir + "/Patient").then().statusCode(201).extract().jsonPath().getString("id");
    Response sub = given().contentType(FHIR_JSON).body("""
        {"resourceType":"Subscription","status":"requested","reason":"PIMS",
         "criteria":"DiagnosticReport?patient=%s",
         "channel":{"type":"rest-hook","endpoint":"http://127.0.0.1:%d/pims",
                    "payload":"application/fhir+json"}}
        """.formatted(patient, hookPort)).post(fhir + "/Subscription");
    sub.then().statusCode(201).body("status", equalTo("active"));
    String log404 = root + "/api/subscriptions/" + sub.jsonPath().getString("id") + "/deliveries";

    // the receiver is down when the radiologist's report is stored
    receiver.stop();
    String report = given().contentType(FHIR_JSON).body("""
        {"resourceType":"DiagnosticReport","status":"final",
         "code":{"coding":[{"system":"http://loinc.org","code":"18748-4"}]},
         "subject":{"reference":"%s"},
         "performer":[{"reference":"Practitioner/rad1"}],
         "conclusion":"Healed fracture."}
        """.formatted(patient)).post(fhir + "/DiagnosticReport").then().statusCode(201)
        .extract().jsonPath().getString("id");
    await(() -> given().get(log404).jsonPath()
        .getList("attempts.findAll { it.outcome == 'retry' }").size() >= 1, "a failed attempt", 60);

    // the server restarts on the same data; then the receiver comes back
    stop();
    root = start(data, http, log);
    given().get(log404).then().statusCode(200).body("pending.resource",
        hasItem("DiagnosticReport/" + report));
    receiver = new ItSupport.Receiver(hookPort);
    await(() -> !receiver.calls(c -> c.body().contains(report)).isEmpty(),
        "the notification after the restart", 60);
    JsonPath body = JsonPath.from(receiver.calls(c -> c.body().contains(report)).get(0).body());
    org.junit.jupiter.api.Assertions.assertEquals("final", body.getString("status"));
    String logUrl = log404;
    await(() -> "delivered".equals(given().get(logUrl).jsonPath().getString("attempts[0].outcome")),
        "the delivered attempt in the log", 60);
    given().get(logUrl).then().body("attempts.outcome", hasItem("retry"))
        .body("attempts[0].resource", containsString(report))
        .body("pending", org.hamcrest.Matchers.empty());
  }
}
