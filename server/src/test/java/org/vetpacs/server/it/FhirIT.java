package org.vetpacs.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.NeuterStatus;
import org.vetpacs.model.animal.Species;
import org.vetpacs.model.fhir.AnimalExtension;
import org.vetpacs.model.fhir.VetFhir;
import org.vetpacs.testdata.GeneratedInstance;
import org.vetpacs.testdata.GeneratedStudy;
import org.vetpacs.testdata.GeneratorOptions;
import org.vetpacs.testdata.StudyGenerator;
import org.vetpacs.testdata.StudyKind;

/** The FHIR R4 face over HTTP on the real WAR: each resource, search, include, paging, version. */
@ExtendWith(ArquillianExtension.class)
class FhirIT {

  private static final String FHIR_JSON = "application/fhir+json";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.vetpacsWar();
  }

  @ArquillianResource URL deployed;

  private String fhir;
  private String root;

  @BeforeEach
  void setUp() {
    root = Deployments.serverRoot(deployed);
    fhir = root + "/fhir";
  }

  // ---- helpers ----------------------------------------------------------------------------

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private static String dogJson(String patientId, String pet, String owner, String birth,
      String ownerRef) {
    return """
        {"resourceType":"Patient",
         "identifier":[{"system":"https://vetpacs.org/fhir/sid/patient-id","value":"%s"},
                       {"system":"https://vetpacs.org/fhir/sid/microchip","value":"985141000%s"}],
         "name":[{"family":"%s","given":["%s"]}],
         "gender":"female","birthDate":"%s",
         "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-animal","extension":[
           {"url":"species","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"448771007","display":"Canis lupus familiaris"}],"text":"Canine"}},
           {"url":"breed","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"58108001","display":"Golden retriever dog breed"}],"text":"Golden Retriever"}},
           {"url":"genderStatus","valueCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/animal-genderstatus","code":"neutered"}]}}]}]
         %s}
        """.formatted(patientId, String.format("%06d", Math.abs(patientId.hashCode()) % 1_000_000),
        owner, pet, birth, ownerRef == null ? ""
            : ",\"link\":[{\"other\":{\"reference\":\"" + ownerRef + "\"},\"type\":\"seealso\"}]");
  }

  private static String ownerJson(String family, String clientId) {
    return """
        {"resourceType":"RelatedPerson","active":true,
         "identifier":[{"system":"https://vetpacs.org/fhir/sid/client-id","value":"%s"}],
         "patient":{"reference":"Patient/placeholder"},
         "relationship":[{"coding":[{"system":"https://vetpacs.org/fhir/CodeSystem/responsible-person-role","code":"OWNER","display":"Owner"}]}],
         "name":[{"family":"%s","given":["Jane"]}],
         "telecom":[{"system":"phone","value":"+1 555 0100"},{"system":"email","value":"jane@example.org"}]}
        """.formatted(clientId, family);
  }

  private static String orderJson(String patientRef, String status, String extraIdentifier) {
    return """
        {"resourceType":"ServiceRequest","status":"%s","intent":"order",
         %s
         "code":{"coding":[{"system":"http://loinc.org","code":"36554-4","display":"XR Chest Views"}],"text":"Thoracic radiographs"},
         "subject":{"reference":"%s"},"authoredOn":"2026-11-20T10:00:00Z"}
        """.formatted(status, extraIdentifier == null ? "" : "\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"ACSN\"}]},\"system\":\"https://pims.example/accession\",\"value\":\"" + extraIdentifier + "\"}],", patientRef);
  }

  private static String reportJson(String patientRef, String studyRef, String orderRef,
      String status) {
    return """
        {"resourceType":"DiagnosticReport","status":"%s",
         "code":{"coding":[{"system":"http://loinc.org","code":"18748-4","display":"Diagnostic imaging study"}]},
         "subject":{"reference":"%s"},
         "basedOn":[{"reference":"%s"}],
         "imagingStudy":[{"reference":"%s"}],
         "issued":"2026-11-21T09:30:00Z",
         "performer":[{"reference":"Practitioner/rad1","display":"Dr. Radiologist"}],
         "conclusion":"No thoracic abnormality.",
         "conclusionCode":[{"coding":[{"system":"http://snomed.info/sct","code":"281900007","display":"No abnormality detected"}]}],
         "presentedForm":[{"contentType":"text/plain","data":"Tm8gdGhvcmFjaWMgYWJub3JtYWxpdHku"}]}
        """.formatted(status, patientRef, orderRef, studyRef);
  }

  private Response post(String type, String body) {
    return given().contentType(FHIR_JSON).accept(FHIR_JSON).body(body).when().post(fhir + "/" + type);
  }

  private String create(String type, String body) {
    Response r = post(type, body);
    r.then().statusCode(201);
    return type + "/" + r.jsonPath().getString("id");
  }

  private JsonPath search(String typeAndQuery) {
    return given().accept(FHIR_JSON).when().get(fhir + "/" + typeAndQuery)
        .then().statusCode(200).body("resourceType", equalTo("Bundle")).extract().jsonPath();
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for: " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  // ---- tests -------------------------------------------------------------------------------

  @Test
  void metadataListsExactlyTheProvidersAndTheImagingStudySearchParameter() {
    JsonPath cs = given().accept(FHIR_JSON).get(fhir + "/metadata").then().statusCode(200)
        .body("resourceType", equalTo("CapabilityStatement"))
        .body("fhirVersion", equalTo("4.0.1"))
        .extract().jsonPath();
    List<String> types = cs.getList("rest[0].resource.type");
    assertTrue(types.containsAll(List.of("Patient", "RelatedPerson", "ServiceRequest",
        "ImagingStudy", "DiagnosticReport", "Task", "Endpoint", "StructureDefinition", "CodeSystem",
        "ValueSet", "SearchParameter", "Organization", "Practitioner", "ChargeItem", "Subscription")),
        types.toString());
    for (String type : List.of("Organization", "Practitioner")) {
      assertTrue(cs.getList("rest[0].resource.find { it.type == '" + type + "' }.searchParam.name")
          .containsAll(List.of("identifier", "name", "active")), type);
      assertTrue(cs.getList("rest[0].resource.find { it.type == '" + type + "' }.interaction.code")
          .containsAll(List.of("read", "vread", "create", "update", "history-instance",
              "search-type")), type);
    }
    assertTrue(cs.getList("rest[0].resource.find { it.type == 'ChargeItem' }.searchParam.name")
        .containsAll(List.of("identifier", "patient", "subject", "service", "status",
            "entered-date")));
    List<String> chargeInteractions =
        cs.getList("rest[0].resource.find { it.type == 'ChargeItem' }.interaction.code");
    assertTrue(!chargeInteractions.contains("create") && !chargeInteractions.contains("update"),
        chargeInteractions.toString());
    assertTrue(cs.getList("rest[0].resource.find { it.type == 'ImagingStudy' }.searchParam.name")
        .containsAll(List.of("patient", "modality", "started", "bodysite")));
    assertTrue(!types.contains("Observation"));
    assertTrue(cs.getList("rest[0].resource.find { it.type == 'DiagnosticReport' }.searchParam.name")
        .containsAll(List.of("imaging-study", "subject", "patient", "based-on", "status", "issued",
            "performer")));
    assertTrue(cs.getList("rest[0].resource.find { it.type == 'Patient' }.searchParam.name")
        .containsAll(List.of("identifier", "name", "family", "species", "breed", "birthdate",
            "owner-name")));
  }

  @Test
  void conformanceResourcesArePublishedReadOnly() {
    given().accept(FHIR_JSON).get(fhir + "/StructureDefinition/vet-patient").then().statusCode(200)
        .body("url", equalTo(VetFhir.SD_PATIENT)).body("type", equalTo("Patient"));
    given().accept(FHIR_JSON).get(fhir + "/CodeSystem/vetpacs-species").then().statusCode(200)
        .body("concept.code", hasItems("DOG", "CAT", "BIRD"));
    given().accept(FHIR_JSON).get(fhir + "/ValueSet?url=" + VetFhir.VS_BREED).then()
        .statusCode(200).body("total", equalTo(1));
    given().accept(FHIR_JSON).get(fhir + "/SearchParameter/DiagnosticReport-imaging-study")
        .then().statusCode(200).body("code", equalTo("imaging-study"));
    given().contentType(FHIR_JSON).body("{\"resourceType\":\"ValueSet\",\"status\":\"draft\"}")
        .post(fhir + "/ValueSet").then().statusCode(org.hamcrest.Matchers.oneOf(400, 405));
  }

  @Test
  void patientCreateReadVreadUpdateWithIfMatchAndHistory() {
    String pid = "VP" + unique();
    Response created = post("Patient", dogJson(pid, "Bailey", "Smith", "2019-08-30", null));
    created.then().statusCode(201).header("Location", containsString("/Patient/"))
        .header("ETag", equalTo("W/\"1\"")).body("meta.versionId", equalTo("1"))
        .body("meta.profile", hasItem(VetFhir.SD_PATIENT));
    String id = created.jsonPath().getString("id");

    given().accept(FHIR_JSON).get(fhir + "/Patient/" + id).then().statusCode(200)
        .header("ETag", equalTo("W/\"1\"")).body("name[0].given[0]", equalTo("Bailey"));
    String update = dogJson(pid, "Bailey", "Smith", "2019-08-30", null)
        .replace("\"resourceType\":\"Patient\",", "\"resourceType\":\"Patient\",\"id\":\"" + id + "\",")
        .replace("\"female\"", "\"male\"");
    given().contentType(FHIR_JSON).header("If-Match", "W/\"1\"").body(update)
        .put(fhir + "/Patient/" + id).then().statusCode(200).body("meta.versionId", equalTo("2"));
    // a stale version: 412, nothing changes
    given().contentType(FHIR_JSON).header("If-Match", "W/\"1\"").body(update)
        .put(fhir + "/Patient/" + id).then().statusCode(412)
        .body("resourceType", equalTo("OperationOutcome"));
    given().accept(FHIR_JSON).get(fhir + "/Patient/" + id + "/_history/1").then().statusCode(200)
        .body("gender", equalTo("female")).body("meta.versionId", equalTo("1"));
    given().accept(FHIR_JSON).get(fhir + "/Patient/" + id).then().body("gender", equalTo("male"));
    search("Patient/" + id + "/_history").getList("entry").size();
    assertEquals(2, search("Patient/" + id + "/_history").getList("entry").size());
    given().accept(FHIR_JSON).get(fhir + "/Patient/unknown-id").then().statusCode(404)
        .body("resourceType", equalTo("OperationOutcome"));
  }

  @Test
  void patientSearchByEveryParameter() {
    String tag = unique();
    String owner = create("RelatedPerson", ownerJson("Owner" + tag, "C-" + tag));
    String pid = "VP" + tag;
    String patient = create("Patient", dogJson(pid, "Bailey", "Fam" + tag, "2019-08-30", owner));
    String id = patient.substring("Patient/".length());
    for (String q : List.of(
        "identifier=" + pid,
        "identifier=https://vetpacs.org/fhir/sid/patient-id|" + pid,
        "family=fam" + tag.toLowerCase(),
        "name=FAM" + tag,
        "given=bail&family=Fam" + tag,
        "species=dog&family=Fam" + tag,
        "species=http://snomed.info/sct|448771007&family=Fam" + tag,
        "breed=58108001&family=Fam" + tag,
        "breed=golden retriever&family=Fam" + tag,
        "birthdate=2019-08-30&family=Fam" + tag,
        "birthdate=ge2019-01-01&birthdate=le2019-12-31&family=Fam" + tag,
        "owner-name=owner" + tag.toLowerCase(),
        "link=" + owner)) {
      JsonPath b = search("Patient?" + q);
      assertEquals(1, b.getInt("total"), q);
      assertEquals(id, b.getString("entry[0].resource.id"), q);
    }
    assertEquals(0, search("Patient?family=Fam" + tag + "&species=cat").getInt("total"));
    assertEquals(0, search("Patient?family=Fam" + tag + "&birthdate=2020").getInt("total"));
    JsonPath withOwner = search("Patient?_id=" + id + "&_include=Patient:link");
    assertTrue(withOwner.getList("entry.resource.resourceType").contains("RelatedPerson"));
    given().accept(FHIR_JSON).get(fhir + "/RelatedPerson?identifier=C-" + tag).then()
        .statusCode(200).body("total", equalTo(1));
    given().accept(FHIR_JSON).get(fhir + "/RelatedPerson?name=owner" + tag).then()
        .statusCode(200).body("total", equalTo(1));
  }

  @Test
  void organizationCreateReadVreadUpdateHistoryAndSearchByIdentifierNameAndActive() {
    String tag = unique();
    String body = """
        {"resourceType":"Organization","active":true,
         "identifier":[{"system":"https://vetpacs.org/fhir/sid/clinic","value":"CL-%s"}],
         "name":"Riverside Vet %s","alias":["Riverside Animal Hospital %s"]}
        """.formatted(tag, tag, tag);
    Response created = post("Organization", body);
    created.then().statusCode(201).header("ETag", equalTo("W/\"1\""))
        .body("meta.versionId", equalTo("1"));
    String id = created.jsonPath().getString("id");
    given().accept(FHIR_JSON).get(fhir + "/Organization/" + id).then().statusCode(200)
        .body("name", equalTo("Riverside Vet " + tag));
    given().contentType(FHIR_JSON).header("If-Match", "W/\"1\"")
        .body(body.replace("\"active\":true", "\"id\":\"" + id + "\",\"active\":false"))
        .put(fhir + "/Organization/" + id).then().statusCode(200)
        .body("meta.versionId", equalTo("2"));
    given().accept(FHIR_JSON).get(fhir + "/Organization/" + id + "/_history/1").then()
        .statusCode(200).body("active", equalTo(true));
    assertEquals(2, search("Organization/" + id + "/_history").getList("entry").size());
    for (String q : List.of("identifier=CL-" + tag,
        "identifier=https://vetpacs.org/fhir/sid/clinic|CL-" + tag,
        "name=riverside vet " + tag.toLowerCase(), "name=Riverside Animal Hospital " + tag,
        "active=false&name=Riverside Vet " + tag)) {
      JsonPath b = search("Organization?" + q);
      assertEquals(1, b.getInt("total"), q);
      assertEquals(id, b.getString("entry[0].resource.id"), q);
    }
    assertEquals(0, search("Organization?active=true&name=Riverside Vet " + tag).getInt("total"));
    given().accept(FHIR_JSON).get(fhir + "/Organization/unknown-id").then().statusCode(404);
    post("Organization", "{\"resourceType\":\"Organization\",\"active\":\"yes\"}")
        .then().statusCode(org.hamcrest.Matchers.oneOf(400, 422));
  }

  @Test
  void practitionerCreateReadVreadUpdateHistoryAndSearchByIdentifierNameAndActive() {
    String tag = unique();
    String body = """
        {"resourceType":"Practitioner","active":true,
         "identifier":[{"system":"https://vetpacs.org/fhir/sid/licence","value":"VET-%s"}],
         "name":[{"family":"Herriot%s","given":["James"],"prefix":["Dr."]}],
         "qualification":[{"code":{"text":"Veterinary radiologist"}}]}
        """.formatted(tag, tag);
    Response created = post("Practitioner", body);
    created.then().statusCode(201).body("meta.versionId", equalTo("1"));
    String id = created.jsonPath().getString("id");
    given().contentType(FHIR_JSON).header("If-Match", "W/\"1\"")
        .body(body.replace("\"active\":true", "\"id\":\"" + id + "\",\"active\":false"))
        .put(fhir + "/Practitioner/" + id).then().statusCode(200)
        .body("meta.versionId", equalTo("2"));
    given().accept(FHIR_JSON).get(fhir + "/Practitioner/" + id + "/_history/1").then()
        .statusCode(200).body("active", equalTo(true));
    given().accept(FHIR_JSON).get(fhir + "/Practitioner/" + id).then().statusCode(200)
        .body("active", equalTo(false));
    assertEquals(2, search("Practitioner/" + id + "/_history").getList("entry").size());
    for (String q : List.of("identifier=VET-" + tag,
        "identifier=https://vetpacs.org/fhir/sid/licence|VET-" + tag,
        "name=herriot" + tag.toLowerCase(), "name=james&family=Herriot" + tag,
        "given=jam&family=Herriot" + tag, "active=false&family=Herriot" + tag)) {
      JsonPath b = search("Practitioner?" + q);
      assertEquals(1, b.getInt("total"), q);
      assertEquals(id, b.getString("entry[0].resource.id"), q);
    }
    assertEquals(0, search("Practitioner?active=true&family=Herriot" + tag).getInt("total"));
  }

  @Test
  void conditionalCreateDoesNotDuplicate() {
    String pid = "VP" + unique();
    String body = dogJson(pid, "Max", "Jones", "2020-01-02", null);
    Response first = given().contentType(FHIR_JSON).header("If-None-Exist",
        "identifier=https://vetpacs.org/fhir/sid/patient-id|" + pid).body(body).post(fhir + "/Patient");
    first.then().statusCode(201);
    Response second = given().contentType(FHIR_JSON).header("If-None-Exist",
        "identifier=https://vetpacs.org/fhir/sid/patient-id|" + pid).body(body).post(fhir + "/Patient");
    second.then().statusCode(200);
    assertEquals(first.jsonPath().getString("id"), second.jsonPath().getString("id"));
    assertEquals(1, search("Patient?identifier=" + pid).getInt("total"));
  }

  @Test
  void invalidInputIs422WithAnOperationOutcomeNamingThePathAndNothingIsStored() {
    String pid = "VP" + unique();
    String noSpecies = """
        {"resourceType":"Patient","identifier":[{"value":"%s"}],"name":[{"given":["Rex"]}]}
        """.formatted(pid);
    post("Patient", noSpecies).then().statusCode(422)
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue.diagnostics", hasItem(containsString("Patient.extension")))
        .body("issue[0].expression[0]", equalTo("Patient"));
    assertEquals(0, search("Patient?identifier=" + pid).getInt("total"));
    String noCode = """
        {"resourceType":"ServiceRequest","status":"active","intent":"order",
         "identifier":[{"system":"https://pims.example/o","value":"%s"}],
         "subject":{"reference":"Patient/x"}}
        """.formatted(pid);
    post("ServiceRequest", noCode).then().statusCode(422)
        .body("issue.diagnostics", hasItem(containsString("ServiceRequest.code")));
    assertEquals(0, search("ServiceRequest?identifier=" + pid).getInt("total"));
    post("Patient", "{\"resourceType\":\"Patient\",\"gender\":\"dog\"}").then().statusCode(400)
        .body("resourceType", equalTo("OperationOutcome"));
  }

  @Test
  void serviceRequestAccessionLifecycleSearchAndInclude() {
    String tag = unique();
    String patient = create("Patient", dogJson("VP" + tag, "Luna", "Fam" + tag, "2018-05-05", null));
    Response created = post("ServiceRequest", orderJson(patient, "draft", null));
    created.then().statusCode(201)
        .body("identifier.find { it.system == 'https://vetpacs.org/fhir/sid/accession' }.type.coding[0].code",
            equalTo("ACSN"));
    String id = created.jsonPath().getString("id");
    String acc = created.jsonPath().getString(
        "identifier.find { it.system == 'https://vetpacs.org/fhir/sid/accession' }.value");
    assertNotNull(acc);
    assertTrue(acc.length() <= 16);
    String body = created.asString();
    given().contentType(FHIR_JSON).body(body.replace("\"draft\"", "\"active\""))
        .put(fhir + "/ServiceRequest/" + id).then().statusCode(200).body("status", equalTo("active"));
    for (String q : List.of("identifier=" + VetFhir.SID_ACCESSION + "|" + acc,
        "patient=" + patient, "subject=" + patient, "status=active&patient=" + patient,
        "code=http://loinc.org|36554-4&patient=" + patient,
        "authored=ge2026-11-20&patient=" + patient)) {
      assertEquals(1, search("ServiceRequest?" + q).getInt("total"), q);
    }
    JsonPath inc = search("ServiceRequest?_id=" + id + "&_include=ServiceRequest:patient");
    assertEquals(List.of("ServiceRequest", "Patient"), inc.getList("entry.resource.resourceType"));
    assertEquals(List.of("match", "include"), inc.getList("entry.search.mode"));
    given().contentType(FHIR_JSON).body(body.replace("\"draft\"", "\"revoked\""))
        .put(fhir + "/ServiceRequest/" + id).then().statusCode(200);
    given().contentType(FHIR_JSON).body(body.replace("\"draft\"", "\"active\""))
        .put(fhir + "/ServiceRequest/" + id).then().statusCode(422)
        .body("issue[0].code", equalTo("business-rule"))
        .body("issue[0].expression[0]", equalTo("ServiceRequest.status"));
  }

  @Test
  void pagingWithCountGivesNextLinksAndSortByBirthDate() {
    String tag = unique();
    for (int i = 1; i <= 5; i++) {
      create("Patient", dogJson("VP" + tag + i, "Pup" + i, "Litter" + tag, "2020-0" + i + "-01", null));
    }
    JsonPath page1 = search("Patient?family=Litter" + tag + "&_count=2&_sort=-birthdate");
    assertEquals(5, page1.getInt("total"));
    assertEquals(2, page1.getList("entry").size());
    assertEquals("2020-05-01", page1.getString("entry[0].resource.birthDate"));
    String next = page1.getString("link.find { it.relation == 'next' }.url");
    assertNotNull(next);
    JsonPath page2 = given().accept(FHIR_JSON).get(next.replaceFirst("^https?://[^/]+", root))
        .then().statusCode(200).extract().jsonPath();
    assertEquals("2020-03-01", page2.getString("entry[0].resource.birthDate"));
    JsonPath asc = search("Patient?family=Litter" + tag + "&_sort=birthdate");
    assertEquals("2020-01-01", asc.getString("entry[0].resource.birthDate"));
  }

  @Test
  void xmlIsServedOnRequest() {
    String patient = create("Patient", dogJson("VP" + unique(), "Milo", "Brown", "2017-07-07", null));
    given().accept("application/fhir+xml").get(fhir + "/" + patient).then().statusCode(200)
        .contentType(containsString("xml")).body(containsString("<Patient"));
    given().get(fhir + "/" + patient + "?_format=xml").then().statusCode(200)
        .body(containsString("http://hl7.org/fhir"));
  }

  @Test
  void theClinicScenarioFromOrderToStudyToReport() throws IOException {
    // A DR thorax study as a modality would send it: its own Patient ID and Accession Number.
    Path dir = Files.createTempDirectory(
        Files.createDirectories(Path.of(System.getProperty("vetpacs.it.work", "target/it-work"))), "fhir-");
    GeneratedStudy study = new StudyGenerator(5150).generate(StudyKind.DR_THORAX, dir,
        GeneratorOptions.small());

    // 1. the PIMS: owner, dog (identifier = the study's Patient ID), order (ACSN = its accession)
    String owner = create("RelatedPerson", ownerJson("Smith", "C-" + unique()));
    String patient = create("Patient",
        dogJson(study.patientId(), "Bailey", "Smith", "2019-08-30", owner));
    Response order = post("ServiceRequest", orderJson(patient, "active", study.accessionNumber()));
    order.then().statusCode(201);
    String orderRef = "ServiceRequest/" + order.jsonPath().getString("id");

    // 2. the modality stores the study (STOW-RS); its header is coerced to the registered dog
    // (202 with Warning Reason B000, PS3.18 10.5.3.1)
    given().contentType(Dicom.STOW_CONTENT_TYPE).accept("application/dicom+json")
        .body(Dicom.multipart(study.instances().stream().map(GeneratedInstance::file).toList()))
        .post(root + "/dicom-web/studies").then().statusCode(202);

    // 3. the ImagingStudy, found by patient, with the order, endpoint and series
    JsonPath studies = search("ImagingStudy?patient=" + patient + "&_include=ImagingStudy:subject");
    assertEquals(1, studies.getInt("total"));
    String uid = study.studyInstanceUid();
    assertEquals(uid, studies.getString("entry[0].resource.id"));
    assertEquals(patient, studies.getString("entry[0].resource.subject.reference"));
    assertEquals(orderRef, studies.getString("entry[0].resource.basedOn[0].reference"));
    assertEquals(study.instances().size(), studies.getInt("entry[0].resource.numberOfInstances"));
    assertEquals("urn:oid:" + uid, studies.getString("entry[0].resource.identifier[0].value"));
    assertTrue(studies.getList("entry.resource.resourceType").contains("Patient"));
    given().accept(FHIR_JSON).get(fhir + "/Endpoint/dicom-web").then().statusCode(200)
        .body("connectionType.code", equalTo("dicom-wado-rs"))
        .body("address", equalTo(root + "/dicom-web"));
    for (String q : List.of("identifier=urn:oid:" + uid, "identifier=" + study.accessionNumber(),
        "basedon=" + orderRef, "modality=" + study.modality() + "&patient=" + patient,
        "started=ge2000-01-01&patient=" + patient)) {
      assertEquals(1, search("ImagingStudy?" + q).getInt("total"), q);
    }
    given().accept(FHIR_JSON).get(fhir + "/ImagingStudy/" + uid).then().statusCode(200)
        .body("series[0].instance[0].uid", notNullValue());
    // the study completed the order (in the background, right after the store)
    awaitTrue(() -> "completed".equals(given().accept(FHIR_JSON).get(fhir + "/" + orderRef)
        .jsonPath().getString("status")), "order completed");

    // 4. the radiologist's report, preliminary -> final -> amended, with history
    Response report = post("DiagnosticReport",
        reportJson(patient, "ImagingStudy/" + uid, orderRef, "preliminary"));
    report.then().statusCode(201);
    String reportId = report.jsonPath().getString("id");
    String reportBody = report.asString();
    given().contentType(FHIR_JSON).header("If-Match", "W/\"1\"")
        .body(reportBody.replace("\"preliminary\"", "\"final\"")).put(fhir + "/DiagnosticReport/" + reportId)
        .then().statusCode(200).body("meta.versionId", equalTo("2"));
    given().contentType(FHIR_JSON).body(reportBody).put(fhir + "/DiagnosticReport/" + reportId)
        .then().statusCode(422);
    given().contentType(FHIR_JSON).body(reportBody.replace("\"preliminary\"", "\"amended\""))
        .put(fhir + "/DiagnosticReport/" + reportId).then().statusCode(200);
    assertEquals(3, search("DiagnosticReport/" + reportId + "/_history").getList("entry").size());
    for (String q : List.of("patient=" + patient, "subject=" + patient, "based-on=" + orderRef,
        "imaging-study=ImagingStudy/" + uid, "status=amended&patient=" + patient,
        "issued=ge2026-11-21&patient=" + patient, "performer=Practitioner/rad1&patient=" + patient)) {
      assertEquals(1, search("DiagnosticReport?" + q).getInt("total"), q);
    }
    JsonPath withStudy = search("DiagnosticReport?_id=" + reportId
        + "&_include=DiagnosticReport:imaging-study");
    assertEquals(List.of("DiagnosticReport", "ImagingStudy"),
        withStudy.getList("entry.resource.resourceType"));

    // 5. the PIMS finds the report from the patient
    JsonPath fromPatient = search("Patient?_id=" + patient.substring(8)
        + "&_revinclude=DiagnosticReport:subject");
    assertEquals(List.of("Patient", "DiagnosticReport"),
        fromPatient.getList("entry.resource.resourceType"));
    assertEquals(reportId, fromPatient.getString("entry[1].resource.id"));
  }

  @Test
  void aStudyOfAnUnknownAnimalGetsADerivedPatient() throws IOException {
    Path dir = Files.createTempDirectory(
        Files.createDirectories(Path.of(System.getProperty("vetpacs.it.work", "target/it-work"))), "fhir-");
    GeneratedStudy study = new StudyGenerator(6161).generate(StudyKind.DR_THORAX, dir,
        GeneratorOptions.small());
    given().contentType(Dicom.STOW_CONTENT_TYPE).accept("application/dicom+json")
        .body(Dicom.multipart(study.instances().stream().map(GeneratedInstance::file).toList()))
        .post(root + "/dicom-web/studies").then().statusCode(200);
    awaitTrue(() -> search("Patient?identifier=" + study.patientId()).getInt("total") == 1,
        "derived patient");
    JsonPath patients = search("Patient?identifier=" + study.patientId());
    String species = patients.getString("entry[0].resource.extension[0].extension[0].valueCodeableConcept.coding[0].code");
    assertEquals(study.species().snomedCode() != null ? study.species().snomedCode()
        : study.species().name(), species);
    given().accept(FHIR_JSON).get(fhir + "/ImagingStudy/" + study.studyInstanceUid()).then()
        .statusCode(200).body("subject.reference",
            equalTo("Patient/" + patients.getString("entry[0].resource.id")));
  }

  @Test
  void hapiGenericClientCreatesSearchesAndReads() {
    FhirContext ctx = FhirContext.forR4Cached();
    ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    IGenericClient client = ctx.newRestfulGenericClient(fhir);
    String pid = "VP" + unique();
    Patient p = new Patient();
    p.addIdentifier().setSystem(VetFhir.SID_PATIENT_ID).setValue(pid);
    p.addName().setFamily("Client").addGiven("Whiskers");
    AnimalExtension.write(p, Species.CAT, null, Breed.MAINE_COON, null, NeuterStatus.UNALTERED);
    var outcome = client.create().resource(p).execute();
    assertTrue(outcome.getCreated());
    Bundle found = client.search().forResource(Patient.class)
        .where(Patient.IDENTIFIER.exactly().systemAndCode(VetFhir.SID_PATIENT_ID, pid))
        .returnBundle(Bundle.class).execute();
    assertEquals(1, found.getTotal());
    Patient read = client.read().resource(Patient.class)
        .withId(found.getEntryFirstRep().getResource().getIdElement().getIdPart()).execute();
    assertEquals("Whiskers", read.getNameFirstRep().getGivenAsSingleString());
    assertEquals(Species.CAT, AnimalExtension.species(read).orElseThrow());
    assertEquals(Breed.MAINE_COON, AnimalExtension.breed(read).orElseThrow());
  }
}
