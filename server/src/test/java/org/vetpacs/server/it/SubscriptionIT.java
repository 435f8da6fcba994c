package org.vetpacs.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vetpacs.server.it.ItSupport.FHIR_JSON;
import static org.vetpacs.server.it.ItSupport.aiReportJson;
import static org.vetpacs.server.it.ItSupport.await;
import static org.vetpacs.server.it.ItSupport.subscriptionJson;
import static org.vetpacs.server.it.ItSupport.unique;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetpacs.testdata.GeneratedInstance;
import org.vetpacs.testdata.GeneratedStudy;
import org.vetpacs.testdata.GeneratorOptions;
import org.vetpacs.testdata.StudyGenerator;
import org.vetpacs.testdata.StudyKind;

/**
 * FHIR R4 rest-hook Subscriptions on the real WAR, with a receiver (the PIMS / AI vendor) in this
 * JVM: a stored study notifies the ImagingStudy subscriber; an AI report stays preliminary until a
 * veterinarian signs it off, and the final report notifies the report subscriber; a receiver that
 * is down gets the notification when it is back, and the delivery log shows the failed attempts.
 * The failsafe environment sets a short backoff (server/pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class SubscriptionIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.vetpacsWar();
  }

  @ArquillianResource URL deployed;

  private String root;
  private String fhir;
  private ItSupport.Receiver receiver;

  @BeforeEach
  void setUp() throws IOException {
    root = Deployments.serverRoot(deployed);
    fhir = root + "/fhir";
    receiver = new ItSupport.Receiver(0);
  }

  @AfterEach
  void tearDown() {
    receiver.stop();
  }

  private String hook(String path) {
    return receiver.hook(path);
  }

  private static String dogJson(String patientId) {
    return """
        {"resourceType":"Patient",
         "identifier":[{"system":"https://vetpacs.org/fhir/sid/patient-id","value":"%s"}],
         "name":[{"family":"Hook","given":["Rex"]}],"gender":"male",
         "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-animal","extension":[
           {"url":"species","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"448771007","display":"Canis lupus familiaris"}]}}]}]}
        """.formatted(patientId);
  }

  private String create(String type, String body) {
    Response r = given().contentType(FHIR_JSON).accept(FHIR_JSON).body(body).post(fhir + "/" + type);
    r.then().statusCode(201);
    return r.jsonPath().getString("id");
  }

  /** The vet signs the report off: final, with a Practitioner as resultsInterpreter. */
  private void signOff(String reportId) {
    String current = given().accept(FHIR_JSON).get(fhir + "/DiagnosticReport/" + reportId).asString();
    String unsigned = current.replace("\"preliminary\"", "\"final\"");
    given().contentType(FHIR_JSON).body(unsigned).put(fhir + "/DiagnosticReport/" + reportId)
        .then().statusCode(422).body("issue[0].expression[0]", equalTo("DiagnosticReport.status"));
    String signed = unsigned.replaceFirst("\"subject\"",
        "\"resultsInterpreter\":[{\"reference\":\"Practitioner/vet1\",\"display\":\"Dr. Vet\"}],"
            + "\"subject\"");
    given().contentType(FHIR_JSON).body(signed).put(fhir + "/DiagnosticReport/" + reportId)
        .then().statusCode(200).body("status", equalTo("final"));
  }

  @Test
  void invalidCriteriaAre422NamingSubscriptionCriteria() {
    given().contentType(FHIR_JSON).body(subscriptionJson("Observation?code=x", hook("/x")))
        .post(fhir + "/Subscription").then().statusCode(422)
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue[0].expression[0]", equalTo("Subscription.criteria"));
    given().contentType(FHIR_JSON).body(subscriptionJson("DiagnosticReport?colour=red", hook("/x")))
        .post(fhir + "/Subscription").then().statusCode(422)
        .body("issue[0].expression[0]", equalTo("Subscription.criteria"));
    given().accept("application/json").get(root + "/api/subscriptions/nope/deliveries").then()
        .statusCode(404).contentType(containsString("application/problem+json"))
        .body("status", equalTo(404));
  }

  @Test
  void aSubscriptionIsActivatedSearchableAndSwitchedOff() {
    String endpoint = hook("/search-" + unique());
    String id = create("Subscription", subscriptionJson("ServiceRequest?status=completed", endpoint));
    JsonPath read = given().accept(FHIR_JSON).get(fhir + "/Subscription/" + id).jsonPath();
    assertEquals("active", read.getString("status"));
    for (String q : List.of("status=active&url=" + endpoint, "type=rest-hook&url=" + endpoint,
        "url=" + endpoint)) {
      given().accept(FHIR_JSON).get(fhir + "/Subscription?" + q).then().statusCode(200)
          .body("total", equalTo(1));
    }
    String off = given().accept(FHIR_JSON).get(fhir + "/Subscription/" + id).asString()
        .replace("\"active\"", "\"off\"");
    given().contentType(FHIR_JSON).body(off).put(fhir + "/Subscription/" + id).then()
        .statusCode(200).body("status", equalTo("off"));
    given().accept(FHIR_JSON).get(fhir + "/Subscription?status=off&url=" + endpoint).then()
        .body("total", equalTo(1));
  }

  @Test
  void studyThenAiReportSignedOffThenReceiverDownAndBack() throws IOException {
    Path dir = Files.createTempDirectory(Files.createDirectories(
        Path.of(System.getProperty("vetpacs.it.work", "target/it-work"))), "subscription-");
    GeneratedStudy study = new StudyGenerator(7272).generate(StudyKind.CT, dir,
        new GeneratorOptions(true, 20));
    String patient = "Patient/" + create("Patient", dogJson(study.patientId()));

    // 1. the AI vendor subscribes to the animal's studies, the PIMS to final reports
    String studySub = create("Subscription",
        subscriptionJson("ImagingStudy?patient=" + patient, hook("/ai")));
    String reportSub = create("Subscription",
        subscriptionJson("DiagnosticReport?status=final", hook("/pims")));

    // 2. the modality stores the study: the AI vendor is called with the ImagingStudy
    given().contentType(Dicom.STOW_CONTENT_TYPE).accept("application/dicom+json")
        .body(Dicom.multipart(study.instances().stream().map(GeneratedInstance::file).toList()))
        // 202: the header is coerced to the registered animal (Warning 0xB000)
        .post(root + "/dicom-web/studies").then().statusCode(org.hamcrest.Matchers.oneOf(200, 202));
    String uid = study.studyInstanceUid();
    int instances = study.instances().size();
    await(() -> receiver.calls(c -> c.path().equals("/ai")).stream().anyMatch(c ->
        JsonPath.from(c.body()).getString("id").equals(uid)
            && JsonPath.from(c.body()).getInt("numberOfInstances") == instances),
        "the ImagingStudy notification with all instances");
    ItSupport.Receiver.Call studyCall = receiver.calls(c -> c.path().equals("/ai")).get(0);
    assertEquals("application/fhir+json", studyCall.contentType());
    assertEquals("Bearer pims-token", studyCall.authorization());
    assertEquals("ImagingStudy", JsonPath.from(studyCall.body()).getString("resourceType"));
    assertEquals(patient, JsonPath.from(studyCall.body()).getString("subject.reference"));
    assertTrue(receiver.calls(c -> c.path().equals("/ai")).size() < instances,
        "changes of one study coalesce: " + receiver.calls(c -> c.path().equals("/ai")).size()
            + " calls for " + instances + " instances");

    // 3. the AI posts its report: final is refused, preliminary is stored and notifies nobody
    given().contentType(FHIR_JSON).body(aiReportJson(patient, "ImagingStudy/" + uid, "final", ""))
        .post(fhir + "/DiagnosticReport").then().statusCode(422)
        .body("issue[0].expression[0]", equalTo("DiagnosticReport.status"));
    String report = create("DiagnosticReport",
        aiReportJson(patient, "ImagingStudy/" + uid, "preliminary", ""));

    // 4. the vet signs it off: the PIMS gets the final report (with the AI model recorded)
    signOff(report);
    await(() -> !receiver.calls(c -> c.path().equals("/pims") && c.body().contains(report)).isEmpty(),
        "the final report notification");
    JsonPath delivered = JsonPath.from(
        receiver.calls(c -> c.path().equals("/pims") && c.body().contains(report)).get(0).body());
    assertEquals("final", delivered.getString("status"));
    assertEquals("2.3.1", delivered.getString("contained[0].version[0].value"));
    assertEquals("Practitioner/vet1", delivered.getString("resultsInterpreter[0].reference"));
    assertEquals(1, receiver.calls(c -> c.path().equals("/pims") && c.body().contains(report)).size(),
        "the preliminary version matched no subscription");

    // 5. the PIMS is down while a second report is finalised; it gets it when back
    int port = receiver.port();
    receiver.stop();
    String second = create("DiagnosticReport",
        aiReportJson(patient, "ImagingStudy/" + uid, "preliminary", ""));
    signOff(second);
    String log = root + "/api/subscriptions/" + reportSub + "/deliveries";
    await(() -> given().accept("application/json").get(log).jsonPath()
        .getList("attempts.findAll { it.outcome == 'retry' }").size() >= 2, "failed attempts");
    JsonPath failing = given().accept("application/json").get(log).jsonPath();
    assertEquals("active", failing.getString("status"));
    assertEquals(1, failing.getList("pending").size());
    assertTrue(failing.getString("pending[0].resource").endsWith(second));
    assertTrue(failing.getString("attempts[0].error").length() > 0);
    assertTrue(failing.getString("attempts[0].nextAttempt") != null);
    receiver = new ItSupport.Receiver(port);
    await(() -> !receiver.calls(c -> c.path().equals("/pims") && c.body().contains(second)).isEmpty(),
        "the notification after the receiver came back");
    await(() -> given().accept("application/json").get(log).jsonPath()
        .getList("pending").isEmpty(), "nothing pending");
    given().accept("application/json").get(log).then().statusCode(200)
        .body("attempts[0].outcome", equalTo("delivered"))
        .body("attempts[0].httpStatus", equalTo(200))
        .body("attempts.outcome", hasItem("retry"))
        .body("attempts.resource", hasItem(containsString(second)));
    given().accept("application/json").get(root + "/api/subscriptions/" + studySub + "/deliveries")
        .then().statusCode(200).body("attempts[0].resource", equalTo("ImagingStudy/" + uid));
  }
}
