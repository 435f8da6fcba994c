package org.vetpacs.conformance.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceInteractionComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vetpacs.testdata.GeneratedStudy;
import org.vetpacs.testdata.StudyKind;

/**
 * The FHIR CapabilityStatement ({@code GET /fhir/metadata}) statement by statement: for each
 * resource type, every interaction it lists answers as claimed (create 201, read and vread 200,
 * update 200, search-type a Bundle, history-instance a Bundle), every resource returned validates
 * against R4 and the published profiles, and what it does not list is absent: the interactions not
 * listed for a type (delete, patch, history-type and those of the type's level) are refused, and a
 * type it does not list is unknown (404).
 */
class FhirCapabilityIT {

  private static final String FHIR_JSON = "application/fhir+json";

  /** Resource types the suite can create a valid instance of, when their create is claimed. */
  private static final Map<String, String> FIXTURES = new LinkedHashMap<>();

  private static String fhir;
  private static CapabilityStatement capabilities;
  private static String metadataJson;

  /** An existing id per type: created by the suite or found by search. */
  private static final Map<String, String> ids = new LinkedHashMap<>();

  @BeforeAll
  static void readTheCapabilityStatementAndCreateFixtures() throws Exception {
    fhir = Target.url() + "/fhir";
    metadataJson = given().accept(FHIR_JSON).when().get(fhir + "/metadata")
        .then().statusCode(200).extract().asString();
    capabilities = (CapabilityStatement) Profiles.parse(metadataJson);
    GeneratedStudy study = Stow.storedStudy(70702, StudyKind.DR_THORAX);
    ids.put("ImagingStudy", study.studyInstanceUid());

    String owner = create("RelatedPerson", """
        {"resourceType":"RelatedPerson","patient":{"reference":"Patient/unknown-yet"},
         "identifier":[{"system":"https://vetpacs.org/fhir/sid/client-id","value":"C-CONF-1"}],
         "relationship":[{"coding":[{"system":"https://vetpacs.org/fhir/CodeSystem/responsible-person-role","code":"OWNER"}]}],
         "name":[{"family":"Conformance","given":["Jane"]}]}""");
    String patient = create("Patient", """
        {"resourceType":"Patient",
         "identifier":[{"system":"https://vetpacs.org/fhir/sid/patient-id","value":"VPCONF-FHIR-1"}],
         "name":[{"family":"Conformance","given":["Rex"]}],"gender":"male","birthDate":"2020-01-02",
         "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-animal","extension":[
           {"url":"species","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"448771007"}],"text":"Canine"}}]}],
         "link":[{"other":{"reference":"RelatedPerson/%s"},"type":"seealso"}]}""".formatted(owner));
    String order = create("ServiceRequest", """
        {"resourceType":"ServiceRequest","status":"active","intent":"order",
         "code":{"coding":[{"system":"http://loinc.org","code":"36554-4","display":"XR Chest Views"}]},
         "subject":{"reference":"Patient/%s"}}""".formatted(patient));
    create("DiagnosticReport", """
        {"resourceType":"DiagnosticReport","status":"preliminary",
         "code":{"coding":[{"system":"http://loinc.org","code":"18748-4","display":"Diagnostic imaging study"}]},
         "subject":{"reference":"Patient/%s"},"basedOn":[{"reference":"ServiceRequest/%s"}],
         "imagingStudy":[{"reference":"ImagingStudy/%s"}],"issued":"2026-11-21T09:30:00Z",
         "conclusion":"No thoracic abnormality."}""".formatted(patient, order, study.studyInstanceUid()));
  }

  private static String create(String type, String json) {
    FIXTURES.put(type, json);
    Response response = given().contentType(FHIR_JSON).accept(FHIR_JSON).body(json)
        .when().post(fhir + "/" + type);
    response.then().statusCode(201);
    String id = response.jsonPath().getString("id");
    ids.put(type, id);
    Profiles.assertValid(response.asString());
    return id;
  }

  private static List<CapabilityStatementRestResourceComponent> resources() {
    return capabilities.getRestFirstRep().getResource();
  }

  private static Set<String> interactions(CapabilityStatementRestResourceComponent resource) {
    Set<String> codes = new TreeSet<>();
    for (ResourceInteractionComponent i : resource.getInteraction()) {
      codes.add(i.getCode().toCode());
    }
    return codes;
  }

  @Test
  void theCapabilityStatementIsValidAndNamesFhirR4() {
    assertEquals("4.0.1", capabilities.getFhirVersion().toCode());
    assertFalse(resources().isEmpty());
    Profiles.assertValid(metadataJson);
  }

  /**
   * What the served CapabilityStatement claims (types, interactions, search parameters) is what
   * the copy published in {@code conformance/fhir/CapabilityStatement.json} claims; with {@code
   * -Dvetpacs.conformance.update=true} (and {@code vetpacs.conformance.fhir.file}) it rewrites the
   * copy.
   */
  @Test
  void theServedCapabilityStatementClaimsWhatThePublishedCopyClaims() throws Exception {
    String file = System.getProperty("vetpacs.conformance.fhir.file", "");
    CapabilityStatement copy = capabilities.copy();
    copy.setDateElement(null); // the time the server started
    copy.setId((String) null); // a new UUID per start
    copy.getImplementation().setUrl(null); // where the server runs
    // the server lists interactions and parameters in no fixed order: sort, for stable diffs
    copy.getRestFirstRep().getResource().sort(
        java.util.Comparator.comparing(CapabilityStatementRestResourceComponent::getType));
    for (CapabilityStatementRestResourceComponent r : copy.getRestFirstRep().getResource()) {
      r.getInteraction().sort(java.util.Comparator.comparing(i -> i.getCode().toCode()));
      r.getSearchParam().sort(java.util.Comparator.comparing(p -> p.getName()));
    }
    if (Boolean.getBoolean("vetpacs.conformance.update") && !file.isBlank()) {
      java.nio.file.Files.writeString(java.nio.file.Path.of(file),
          Profiles.CTX.newJsonParser().setPrettyPrint(true).encodeResourceToString(copy) + "\n");
      return;
    }
    String published;
    try (java.io.InputStream in = getClass().getResourceAsStream("/fhir/CapabilityStatement.json")) {
      assertNotNull(in, "the published CapabilityStatement is packaged");
      published = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertEquals(claims((CapabilityStatement) Profiles.parse(published)), claims(capabilities),
        "The served /fhir/metadata claims differ from conformance/src/test/resources/fhir/"
            + "CapabilityStatement.json.\n" + OpenApiIT.UPDATE_HINT);
  }

  private static String claims(CapabilityStatement cs) {
    StringBuilder out = new StringBuilder();
    java.util.Map<String, String> byType = new java.util.TreeMap<>();
    for (CapabilityStatementRestResourceComponent r : cs.getRestFirstRep().getResource()) {
      Set<String> params = new TreeSet<>();
      r.getSearchParam().forEach(p -> params.add(p.getName()));
      byType.put(r.getType(), interactions(r) + " " + params);
    }
    byType.forEach((type, claim) -> out.append(type).append(": ").append(claim).append("\n"));
    return out.toString();
  }

  @Test
  void everyClaimedSearchAnswersAValidBundle() {
    for (CapabilityStatementRestResourceComponent resource : resources()) {
      if (!interactions(resource).contains("search-type")) {
        continue;
      }
      String type = resource.getType();
      String json = given().accept(FHIR_JSON).queryParam("_count", 5)
          .when().get(fhir + "/" + type)
          .then().statusCode(200).body("resourceType", equalTo("Bundle"))
          .body("type", equalTo("searchset")).extract().asString();
      Profiles.assertValid(json);
      Bundle bundle = (Bundle) Profiles.parse(json);
      if (!ids.containsKey(type) && bundle.hasEntry()) {
        ids.put(type, bundle.getEntryFirstRep().getResource().getIdElement().getIdPart());
      }
    }
  }

  @Test
  void everyClaimedReadVreadAndHistoryAnswersForAnExistingResource() {
    everyClaimedSearchAnswersAValidBundle(); // finds ids of the read-only types
    List<String> checked = new ArrayList<>();
    for (CapabilityStatementRestResourceComponent resource : resources()) {
      String type = resource.getType();
      Set<String> claimed = interactions(resource);
      String id = ids.get(type);
      if (id == null && "Endpoint".equals(type)) {
        id = "dicom-web";
      }
      if (id == null || !claimed.contains("read")) {
        continue;
      }
      String json = given().accept(FHIR_JSON).when().get(fhir + "/" + type + "/" + id)
          .then().statusCode(200).body("resourceType", equalTo(type)).extract().asString();
      Profiles.assertValid(json);
      if (claimed.contains("vread")) {
        String version = given().accept(FHIR_JSON).when().get(fhir + "/" + type + "/" + id)
            .then().extract().path("meta.versionId");
        assertNotNull(version, type + " claims vread: meta.versionId");
        given().accept(FHIR_JSON).when().get(fhir + "/" + type + "/" + id + "/_history/" + version)
            .then().statusCode(200);
      }
      if (claimed.contains("history-instance")) {
        Profiles.assertValid(given().accept(FHIR_JSON)
            .when().get(fhir + "/" + type + "/" + id + "/_history")
            .then().statusCode(200).body("type", equalTo("history")).extract().asString());
      }
      checked.add(type);
    }
    assertTrue(checked.containsAll(List.of("Patient", "ServiceRequest", "ImagingStudy",
        "DiagnosticReport", "RelatedPerson", "Endpoint", "StructureDefinition")), checked.toString());
  }

  @Test
  void everyClaimedUpdateAcceptsTheResourceBack() {
    for (CapabilityStatementRestResourceComponent resource : resources()) {
      String type = resource.getType();
      if (!interactions(resource).contains("update") || !FIXTURES.containsKey(type)) {
        continue;
      }
      String current = given().accept(FHIR_JSON).when().get(fhir + "/" + type + "/" + ids.get(type))
          .then().statusCode(200).extract().asString();
      Profiles.assertValid(given().contentType(FHIR_JSON).accept(FHIR_JSON).body(current)
          .when().put(fhir + "/" + type + "/" + ids.get(type))
          .then().statusCode(200).extract().asString());
    }
  }

  @Test
  void interactionsNotClaimedAreRefused() {
    for (CapabilityStatementRestResourceComponent resource : resources()) {
      String type = resource.getType();
      Set<String> claimed = interactions(resource);
      String instance = fhir + "/" + type + "/" + ids.getOrDefault(type, "conformance-absent");
      // HAPI's plain server answers 400 (an OperationOutcome saying it does not know how to handle
      // the request) to a method it has no provider method for; 404, 405 and 501 are also "absent".
      if (!claimed.contains("delete")) {
        given().when().delete(instance).then()
            .statusCode(anyOf(is(400), is(404), is(405), is(501)));
      }
      if (!claimed.contains("patch")) {
        given().contentType("application/json-patch+json").body("[]").when().patch(instance)
            .then().statusCode(anyOf(is(400), is(404), is(405), is(415), is(501)));
      }
      if (!claimed.contains("create")) {
        given().contentType(FHIR_JSON).body("{\"resourceType\":\"" + type + "\"}")
            .when().post(fhir + "/" + type)
            .then().statusCode(anyOf(is(400), is(404), is(405), is(501)));
      }
      if (!claimed.contains("history-type")) {
        given().accept(FHIR_JSON).when().get(fhir + "/" + type + "/_history")
            .then().statusCode(anyOf(is(400), is(404), is(405), is(501)));
      }
    }
  }

  @Test
  void resourceTypesNotListedAreUnknown() {
    Set<String> listed = new TreeSet<>();
    resources().forEach(r -> listed.add(r.getType()));
    for (String type : List.of("Observation", "Encounter", "Practitioner", "Organization")) {
      if (!listed.contains(type)) {
        given().accept(FHIR_JSON).when().get(fhir + "/" + type)
            .then().statusCode(404);
      }
    }
  }
}
