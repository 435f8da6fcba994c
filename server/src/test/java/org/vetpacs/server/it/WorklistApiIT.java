package org.vetpacs.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The worklist of scheduled procedure steps through {@code /api/worklist} on the real WAR: create,
 * read, list, status changes, discontinue, the refusals (400, 404, 409 as problem+json), and {@code
 * /api/worklist/match}, which answers what the Modality Worklist C-FIND (PS3.4 K.6) will answer,
 * over the real index.
 */
@ExtendWith(ArquillianExtension.class)
class WorklistApiIT {

  private static final String PROBLEM = "application/problem+json";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.vetpacsWar();
  }

  @ArquillianResource URL deployed;

  private String api;

  /** Unique per test, so tests neither see each other's items nor those of earlier runs. */
  private String run;

  @BeforeEach
  void setUp() {
    api = Deployments.serverRoot(deployed) + "/api/worklist";
    run = Long.toString(System.nanoTime(), 36).toUpperCase();
  }

  private String item(String patientId, String modality, String date) {
    return "{\"PatientName\":\"BAILEY^SMITH\",\"PatientID\":\""
        + patientId
        + "\","
        + "\"PatientSex\":\"MN\",\"PatientBirthDate\":\"20190301\","
        + "\"PatientSpeciesDescription\":\"dog\",\"PatientBreedDescription\":\"Beagle\","
        + "\"ResponsiblePerson\":\"SMITH^JANE\",\"Modality\":\""
        + modality
        + "\","
        + "\"ScheduledStationAETitle\":\"DR1\",\"ScheduledProcedureStepStartDate\":\""
        + date
        + "\","
        + "\"ScheduledProcedureStepStartTime\":\"103000\","
        + "\"RequestedProcedureDescription\":\"Thorax, 2 views\"}";
  }

  private Response post(String body) {
    return given().contentType(ContentType.JSON).body(body).when().post(api);
  }

  private String create(String patientId, String modality, String date) {
    return post(item(patientId, modality, date)).then().statusCode(201).extract().path("id");
  }

  private Response putStatus(String id, String status) {
    return given()
        .contentType(ContentType.JSON)
        .body("{\"status\":\"" + status + "\"}")
        .when()
        .put(api + "/" + id + "/status");
  }

  @Test
  void createAnswers201WithLocationAssignedIdentifiersAndCodedSpecies() {
    Response created = post(item("WL" + run, "DX", "20301111"));
    created
        .then()
        .statusCode(201)
        .contentType(containsString("application/json"))
        .header("Location", containsString("/api/worklist/"))
        .body("AccessionNumber", matchesPattern("VP\\d{6}[A-Z0-9]{6}"))
        .body("RequestedProcedureID", equalTo(created.path("AccessionNumber").toString()))
        .body("StudyInstanceUID", startsWith("2.25."))
        .body("ScheduledProcedureStepID", startsWith("SPS"))
        .body("ScheduledProcedureStepStatus", equalTo("SCHEDULED"))
        .body("PatientSex", equalTo("M"))
        .body("PatientSexNeutered", equalTo("ALTERED"))
        .body("PatientSpeciesDescription", equalTo("Canine"))
        .body("PatientSpeciesCodeSequence[0].CodeValue", equalTo("448771007"))
        .body("PatientBreedCodeSequence[0].CodeValue", equalTo("44696006"))
        .body("ResponsiblePersonRole", equalTo("OWNER"));
    String id = created.path("id");
    assertTrue(
        created.header("Location").endsWith("/api/worklist/" + id), created.header("Location"));

    given()
        .when()
        .get(created.header("Location"))
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("PatientID", equalTo("WL" + run))
        .body("createdAt", endsWith("Z"));
  }

  @Test
  void listFiltersByPatientModalityAndDate() {
    String patient = "WL" + run;
    create(patient, "DX", "20301201");
    create(patient, "CT", "20301202");
    create("OTHER" + run, "DX", "20301201");

    given()
        .queryParam("patientId", patient)
        .when()
        .get(api)
        .then()
        .statusCode(200)
        .body("$", hasSize(2))
        .body("ScheduledProcedureStepStartDate", equalTo(List.of("20301201", "20301202")));
    given()
        .queryParam("patientId", patient)
        .queryParam("modality", "CT")
        .when()
        .get(api)
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].Modality", equalTo("CT"));
    given()
        .queryParam("patientId", patient)
        .queryParam("date", "20301202-20301231")
        .when()
        .get(api)
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].Modality", equalTo("CT"));
  }

  @Test
  void statusMovesAndDeleteDiscontinuesButKeepsTheItem() {
    String patient = "WL" + run;
    String id = create(patient, "DX", "20301203");
    putStatus(id, "ARRIVED")
        .then()
        .statusCode(200)
        .body("ScheduledProcedureStepStatus", equalTo("ARRIVED"));

    given()
        .when()
        .delete(api + "/" + id)
        .then()
        .statusCode(200)
        .body("ScheduledProcedureStepStatus", equalTo("DISCONTINUED"));
    given().when().delete(api + "/" + id).then().statusCode(200); // again: no change
    given()
        .queryParam("patientId", patient)
        .when()
        .get(api)
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
    given()
        .queryParam("patientId", patient)
        .queryParam("status", "DISCONTINUED")
        .when()
        .get(api)
        .then()
        .statusCode(200)
        .body("$", hasSize(1));
    given().when().get(api + "/" + id).then().statusCode(200);

    putStatus(id, "SCHEDULED")
        .then()
        .statusCode(409)
        .contentType(containsString(PROBLEM))
        .body("status", equalTo(409))
        .body("detail", containsString("DISCONTINUED"));
  }

  @Test
  void matchAnswersWhatTheModalityWorklistWillReturnAsDicomJson() {
    String patient = "WL" + run;
    String id = create(patient, "DX", "20301204");
    create(patient, "CT", "20301204");

    Response match =
        given()
            .queryParam("PatientName", "bailey*")
            .queryParam("Modality", "DX")
            .queryParam("PatientID", patient)
            .queryParam("ScheduledProcedureStepStartDate", "20301201-20301231")
            .when()
            .get(api + "/match");
    match
        .then()
        .statusCode(200)
        .contentType(containsString("application/dicom+json"))
        .body("$", hasSize(1))
        .body("[0].'00100010'.Value[0].Alphabetic", equalTo("BAILEY^SMITH"))
        .body("[0].'00100020'.Value[0]", equalTo(patient))
        .body("[0].'00400100'.Value[0].'00080060'.Value[0]", equalTo("DX"))
        .body("[0].'00400100'.Value[0].'00400001'.Value[0]", equalTo("DR1"))
        .body("[0].'00400100'.Value[0].'00400002'.Value[0]", equalTo("20301204"))
        .body("[0].'00400100'.Value[0].'00400020'.Value[0]", equalTo("SCHEDULED"))
        .body("[0].'00102202'.Value[0].'00080100'.Value[0]", equalTo("448771007"))
        .body("[0].'00102202'.Value[0].'00080102'.Value[0]", equalTo("SCT"))
        .body("[0].'00102293'.Value[0].'00080104'.Value[0]", equalTo("Beagle"))
        .body("[0].'00102297'.Value[0].Alphabetic", equalTo("SMITH^JANE"))
        .body("[0].'0020000D'.Value[0]", startsWith("2.25."));

    given().when().delete(api + "/" + id).then().statusCode(200);
    given()
        .queryParam("PatientID", patient)
        .queryParam("Modality", "DX")
        .when()
        .get(api + "/match")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
    given()
        .queryParam("PatientID", patient)
        .queryParam("ScheduledProcedureStepStatus", "*")
        .when()
        .get(api + "/match")
        .then()
        .statusCode(200)
        .body("$", hasSize(2));
  }

  @Test
  void invalidInputAnswers400WithTheReason() {
    post("{\"PatientName\":\"BAILEY^SMITH\",\"Modality\":\"DX\"}")
        .then()
        .statusCode(400)
        .contentType(containsString(PROBLEM))
        .body("status", equalTo(400))
        .body("detail", equalTo("PatientID is required"));
    post(item("WL" + run, "DX", "2030-12-01"))
        .then()
        .statusCode(400)
        .body("detail", containsString("YYYYMMDD"));
    post("{\"PatientName\":\"X^Y\",\"PatientID\":\"1\",\"Modality\":\"DX\",\"ScheduledStationAETitle\":\"A_VERY_LONG_AE_TITLE\"}")
        .then()
        .statusCode(400)
        .body("detail", containsString("ScheduledStationAETitle"));
    post("this is not json").then().statusCode(400).body("detail", containsString("JSON object"));
    given().queryParam("name", "x").when().get(api).then().statusCode(400);
    given()
        .queryParam("ScheduledProcedureStepStartDate", "tomorrow")
        .when()
        .get(api + "/match")
        .then()
        .statusCode(400)
        .contentType(containsString(PROBLEM));
    given()
        .queryParam("PatientWeight", "12")
        .when()
        .get(api + "/match")
        .then()
        .statusCode(400)
        .body("detail", containsString("PatientWeight"));
    String id = create("WL" + run, "DX", "20301205");
    putStatus(id, "LOST")
        .then()
        .statusCode(400)
        .body("detail", containsString("ScheduledProcedureStepStatus"));
  }

  @Test
  void unknownIdsAnswer404() {
    String unknown = "00000000-0000-0000-0000-000000000000";
    given()
        .when()
        .get(api + "/" + unknown)
        .then()
        .statusCode(404)
        .contentType(containsString(PROBLEM))
        .body("status", equalTo(404));
    putStatus(unknown, "ARRIVED").then().statusCode(404);
    given().when().delete(api + "/" + unknown).then().statusCode(404);
  }

  @Test
  void duplicateAccessionNumberAnswers409() {
    String accession = "A" + run.substring(Math.max(0, run.length() - 12));
    String body =
        item("WL" + run, "DX", "20301206")
            .replace("{", "{\"AccessionNumber\":\"" + accession + "\",");
    post(body).then().statusCode(201).body("AccessionNumber", equalTo(accession));
    post(body)
        .then()
        .statusCode(409)
        .contentType(containsString(PROBLEM))
        .body("detail", containsString(accession));
  }
}
