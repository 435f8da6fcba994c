package org.vetpacs.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.Species;
import org.vetpacs.model.fhir.VetFhir;
import org.vetpacs.testdata.GeneratedInstance;
import org.vetpacs.testdata.GeneratedStudy;
import org.vetpacs.testdata.GeneratorOptions;
import org.vetpacs.testdata.StudyGenerator;
import org.vetpacs.testdata.StudyKind;

/**
 * The connected clinic workflow of issue #6 through the real protocols: a PIMS posts the clinic,
 * the vet, the owner, the animal and the order over FHIR (REST Assured); dcmtk's {@code findscu
 * -W} sees the scheduled item with species and breed; the order's ChargeItem follows it (planned,
 * billable when the study arrives by {@code storescu}, not-billable when revoked, and the revoked
 * order leaves the worklist); the animal's priors come back in date order.
 */
@ExtendWith(ArquillianExtension.class)
class ClinicWorkflowIT {

  private static final String FHIR_JSON = "application/fhir+json";

  // Attributes read from findscu's answers, by tag (PS3.6)
  private static final AttributeTag PATIENT_NAME = new AttributeTag(0x0010, 0x0010);
  private static final AttributeTag PATIENT_ID = new AttributeTag(0x0010, 0x0020);
  private static final AttributeTag BIRTH_DATE = new AttributeTag(0x0010, 0x0030);
  private static final AttributeTag SEX = new AttributeTag(0x0010, 0x0040);
  private static final AttributeTag SPECIES = new AttributeTag(0x0010, 0x2201);
  private static final AttributeTag SPECIES_CODES = new AttributeTag(0x0010, 0x2202);
  private static final AttributeTag NEUTERED = new AttributeTag(0x0010, 0x2203);
  private static final AttributeTag BREED = new AttributeTag(0x0010, 0x2292);
  private static final AttributeTag BREED_CODES = new AttributeTag(0x0010, 0x2293);
  private static final AttributeTag RESPONSIBLE_PERSON = new AttributeTag(0x0010, 0x2297);
  private static final AttributeTag RESPONSIBLE_ROLE = new AttributeTag(0x0010, 0x2298);
  private static final AttributeTag RESPONSIBLE_ORGANIZATION = new AttributeTag(0x0010, 0x2299);
  private static final AttributeTag ACCESSION = new AttributeTag(0x0008, 0x0050);
  private static final AttributeTag REFERRING = new AttributeTag(0x0008, 0x0090);
  private static final AttributeTag REQUESTING = new AttributeTag(0x0032, 0x1032);
  private static final AttributeTag PROCEDURE_DESCRIPTION = new AttributeTag(0x0032, 0x1060);
  private static final AttributeTag PROCEDURE_CODES = new AttributeTag(0x0032, 0x1064);
  private static final AttributeTag STEP = new AttributeTag(0x0040, 0x0100);
  private static final AttributeTag REASON = new AttributeTag(0x0040, 0x1002);
  private static final AttributeTag PRIORITY = new AttributeTag(0x0040, 0x1003);
  private static final AttributeTag CODE_VALUE = new AttributeTag(0x0008, 0x0100);
  private static final AttributeTag MODALITY = new AttributeTag(0x0008, 0x0060);
  private static final AttributeTag STATION = new AttributeTag(0x0040, 0x0001);
  private static final AttributeTag START_DATE = new AttributeTag(0x0040, 0x0002);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.vetpacsWar();
  }

  @ArquillianResource URL deployed;

  private String root;
  private String fhir;
  private Path work;

  @BeforeEach
  void setUp() throws IOException {
    root = Deployments.serverRoot(deployed);
    fhir = root + "/fhir";
    work = Files.createDirectories(
        Path.of(System.getProperty("vetpacs.it.work", "target/it-work")));
  }

  // ---- the PIMS's resources -------------------------------------------------------------------

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private Response post(String type, String body) {
    return given().contentType(FHIR_JSON).accept(FHIR_JSON).body(body).when()
        .post(fhir + "/" + type);
  }

  private String create(String type, String body) {
    Response r = post(type, body);
    r.then().statusCode(201);
    return type + "/" + r.jsonPath().getString("id");
  }

  private JsonPath read(String ref) {
    return given().accept(FHIR_JSON).get(fhir + "/" + ref).then().statusCode(200).extract()
        .jsonPath();
  }

  private JsonPath search(String typeAndQuery) {
    return given().accept(FHIR_JSON).when().get(fhir + "/" + typeAndQuery)
        .then().statusCode(200).body("resourceType", equalTo("Bundle")).extract().jsonPath();
  }

  private String clinic(String tag) {
    return create("Organization", """
        {"resourceType":"Organization","active":true,
         "identifier":[{"system":"https://vetpacs.org/fhir/sid/clinic","value":"CL-%s"}],
         "name":"Riverside Vet %s"}""".formatted(tag, tag));
  }

  private String vet(String tag) {
    return create("Practitioner", """
        {"resourceType":"Practitioner","active":true,
         "identifier":[{"system":"https://vetpacs.org/fhir/sid/licence","value":"VET-%s"}],
         "name":[{"family":"Herriot","given":["James"]}]}""".formatted(tag));
  }

  private String owner(String tag) {
    return create("RelatedPerson", """
        {"resourceType":"RelatedPerson","active":true,
         "identifier":[{"system":"https://vetpacs.org/fhir/sid/client-id","value":"C-%s"}],
         "patient":{"reference":"Patient/placeholder"},
         "relationship":[{"coding":[{"system":"https://vetpacs.org/fhir/CodeSystem/responsible-person-role","code":"OWNER"}]}],
         "name":[{"family":"Smith","given":["Jane"]}]}""".formatted(tag));
  }

  private String dogJson(String id, String patientId, String pet, String ownerRef,
      String clinicRef) {
    return """
        {"resourceType":"Patient",%s
         "identifier":[{"system":"https://vetpacs.org/fhir/sid/patient-id","value":"%s"}],
         "name":[{"family":"Smith","given":["%s"]}],
         "gender":"female","birthDate":"2019-08-30",
         "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-animal","extension":[
           {"url":"species","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"448771007"}],"text":"Canine"}},
           {"url":"breed","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"58108001"}],"text":"Golden Retriever"}},
           {"url":"genderStatus","valueCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/animal-genderstatus","code":"neutered"}]}}]}],
         "managingOrganization":{"reference":"%s"},
         "link":[{"other":{"reference":"%s"},"type":"seealso"}]}
        """.formatted(id == null ? "" : "\"id\":\"" + id + "\",", patientId, pet, clinicRef,
        ownerRef);
  }

  private static String orderJson(String patientRef, String vetRef, String priority,
      String station) {
    return """
        {"resourceType":"ServiceRequest","status":"active","intent":"order","priority":"%s",
         "code":{"coding":[{"system":"http://loinc.org","code":"36554-4","display":"XR Chest Views"}],"text":"Thoracic radiographs"},
         "subject":{"reference":"%s"},"authoredOn":"2030-01-14T09:00:00Z",
         "occurrenceDateTime":"2030-01-15T12:00:00Z",
         "requester":{"reference":"%s"},
         "performer":[{"identifier":{"system":"https://vetpacs.org/fhir/sid/dicom-ae-title","value":"%s"}}],
         "reasonCode":[{"text":"Coughing for two weeks"}]}
        """.formatted(priority, patientRef, vetRef, station);
  }

  private static String accession(JsonPath order) {
    return order.getString(
        "identifier.find { it.system == '" + VetFhir.SID_ACCESSION + "' }.value");
  }

  private void put(String ref, String body) {
    given().contentType(FHIR_JSON).accept(FHIR_JSON).body(body).put(fhir + "/" + ref)
        .then().statusCode(200);
  }

  // ---- DICOM ----------------------------------------------------------------------------------

  /** findscu -W with the keys given, the answers as extracted by {@code -X}. */
  private List<AttributeList> worklist(String... keys) throws Exception {
    return ItSupport.worklist(work, keys);
  }

  private static final String[] ITEM_KEYS = {
    "PatientName", "PatientID", "PatientBirthDate", "PatientSex", "PatientSpeciesDescription",
    "PatientSpeciesCodeSequence[0].CodeValue", "PatientSexNeutered", "PatientBreedDescription",
    "PatientBreedCodeSequence[0].CodeValue", "ResponsiblePerson", "ResponsiblePersonRole",
    "ResponsibleOrganization", "ReferringPhysicianName", "(0032,1032)",
    "RequestedProcedureDescription", "RequestedProcedureCodeSequence[0].CodeValue",
    "(0040,1002)", "(0040,1003)", "StudyInstanceUID",
    "ScheduledProcedureStepSequence[0].Modality",
    "ScheduledProcedureStepSequence[0].ScheduledStationAETitle",
    "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate"
  };

  private List<AttributeList> worklistOf(String accessionNumber) throws Exception {
    List<String> keys = new ArrayList<>(List.of("AccessionNumber=" + accessionNumber));
    keys.addAll(List.of(ITEM_KEYS));
    return worklist(keys.toArray(String[]::new));
  }

  private static String text(AttributeList list, AttributeTag tag) {
    return Attribute.getDelimitedStringValuesOrEmptyString(list, tag).trim();
  }

  private static String codeIn(AttributeList list, AttributeTag sequence) {
    AttributeList item = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
        list, sequence);
    return item == null ? "" : text(item, CODE_VALUE);
  }

  private GeneratedStudy study(long seed, String patientId, String accessionNumber,
      String studyDate) throws Exception {
    Path dir = Files.createTempDirectory(work, "workflow-");
    GeneratedStudy study = new StudyGenerator(seed).generate(StudyKind.DR_THORAX, dir,
        GeneratorOptions.small());
    List<String> command = new ArrayList<>(List.of("dcmodify", "-nb",
        "-m", "PatientID=" + patientId, "-m", "StudyDate=" + studyDate));
    if (accessionNumber != null) {
      command.addAll(List.of("-m", "AccessionNumber=" + accessionNumber));
    }
    study.instances().forEach(i -> command.add(i.file().toString()));
    Dcmtk.Result result = Dcmtk.run(command.toArray(String[]::new));
    assertEquals(0, result.exitCode(), result.output());
    return study;
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    ItSupport.await(condition, what);
  }

  // ---- tests ----------------------------------------------------------------------------------

  @Test
  void anActiveOrderIsOneWorklistItemThatFindscuSeesWithEveryAnimalAttribute() throws Exception {
    String tag = unique();
    String clinic = clinic(tag);
    String vet = vet(tag);
    String owner = owner(tag);
    String pid = "WF" + tag;
    String patient = create("Patient", dogJson(null, pid, "Bailey", owner, clinic));
    Response created = post("ServiceRequest", orderJson(patient, vet, "stat", "DR1"));
    created.then().statusCode(201);
    String orderRef = "ServiceRequest/" + created.jsonPath().getString("id");
    String acc = accession(created.jsonPath());
    assertNotNull(acc);

    List<AttributeList> items = worklistOf(acc);
    assertEquals(1, items.size());
    AttributeList item = items.get(0);
    assertEquals("BAILEY^SMITH", text(item, PATIENT_NAME));
    assertEquals(pid, text(item, PATIENT_ID));
    assertEquals("20190830", text(item, BIRTH_DATE));
    assertEquals("F", text(item, SEX));
    assertEquals("ALTERED", text(item, NEUTERED));
    assertEquals(Species.DOG.dicomDescription(), text(item, SPECIES));
    assertEquals("448771007", codeIn(item, SPECIES_CODES));
    assertEquals(Breed.GOLDEN_RETRIEVER.description(), text(item, BREED));
    assertEquals("58108001", codeIn(item, BREED_CODES));
    assertEquals("SMITH^JANE", text(item, RESPONSIBLE_PERSON));
    assertEquals("OWNER", text(item, RESPONSIBLE_ROLE));
    assertEquals("Riverside Vet " + tag, text(item, RESPONSIBLE_ORGANIZATION));
    assertEquals("Herriot^James", text(item, REQUESTING));
    assertEquals("Herriot^James", text(item, REFERRING));
    assertEquals("Thoracic radiographs", text(item, PROCEDURE_DESCRIPTION));
    assertEquals("36554-4", codeIn(item, PROCEDURE_CODES));
    assertEquals("Coughing for two weeks", text(item, REASON));
    assertEquals("STAT", text(item, PRIORITY));
    AttributeList step = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
        item, STEP);
    assertEquals("DX", text(step, MODALITY), "XR (LOINC Playbook) is digital radiography");
    assertEquals("DR1", text(step, STATION));
    assertEquals(java.time.Instant.parse("2030-01-15T12:00:00Z")
        .atZone(java.time.ZoneId.systemDefault()).toLocalDate()
        .format(DateTimeFormatter.BASIC_ISO_DATE), text(step, START_DATE));
    String studyUid = text(item, new AttributeTag(0x0020, 0x000D));

    // the HTTP face of the same store names the order
    given().get(root + "/api/worklist?patientId=" + pid).then().statusCode(200)
        .body("size()", equalTo(1)).body("[0].orderId", equalTo(orderRef.substring(15)))
        .body("[0].AccessionNumber", equalTo(acc));

    // an update of the order rewrites the one item (same accession and Study Instance UID)
    String body = given().accept(FHIR_JSON).get(fhir + "/" + orderRef).asString();
    put(orderRef, body.replace("\"stat\"", "\"routine\""));
    items = worklistOf(acc);
    assertEquals(1, items.size());
    assertEquals("ROUTINE", text(items.get(0), PRIORITY));
    assertEquals(studyUid, text(items.get(0), new AttributeTag(0x0020, 0x000D)));

    // an update of the animal refreshes the item's patient attributes
    put(patient, dogJson(patient.substring(8), pid, "Bella", owner, clinic));
    items = worklistOf(acc);
    assertEquals(1, items.size());
    assertEquals("BELLA^SMITH", text(items.get(0), PATIENT_NAME));
    given().get(root + "/api/worklist?patientId=" + pid).then().body("size()", equalTo(1));
  }

  @Test
  void theChargeFollowsTheOrderAndARevokedOrderLeavesTheWorklist() throws Exception {
    String tag = unique();
    String clinic = clinic(tag);
    String vet = vet(tag);
    String owner = owner(tag);
    String pid = "WB" + tag;
    String patient = create("Patient", dogJson(null, pid, "Max", owner, clinic));

    // order 1: planned, then billable when its study arrives by C-STORE
    Response first = post("ServiceRequest", orderJson(patient, vet, "routine", "DR1"));
    first.then().statusCode(201);
    String order1 = "ServiceRequest/" + first.jsonPath().getString("id");
    String acc1 = accession(first.jsonPath());
    JsonPath charges = search("ChargeItem?service=" + order1);
    assertEquals(1, charges.getInt("total"));
    assertEquals("planned", charges.getString("entry[0].resource.status"));
    assertEquals(patient, charges.getString("entry[0].resource.subject.reference"));
    assertEquals("36554-4", charges.getString("entry[0].resource.code.coding[0].code"));
    assertEquals(1, charges.getInt("entry[0].resource.quantity.value"));
    assertEquals(order1,
        charges.getString("entry[0].resource.supportingInformation[0].reference"));
    assertEquals(acc1, charges.getString("entry[0].resource.identifier[0].value"));
    String charge1 = "ChargeItem/" + charges.getString("entry[0].resource.id");
    assertEquals(1, worklistOf(acc1).size());

    GeneratedStudy study = study(7301, pid, acc1, "20300115");
    List<String> store = new ArrayList<>(List.of("storescu", "-aec", "VETPACS", "127.0.0.1",
        Dcmtk.dicomPort()));
    study.instances().stream().map(GeneratedInstance::file).forEach(f -> store.add(f.toString()));
    Dcmtk.Result stored = Dcmtk.run(store.toArray(String[]::new));
    assertEquals(0, stored.exitCode(), stored.output());
    awaitTrue(() -> "billable".equals(read(charge1).getString("status")), "charge billable");
    assertEquals("completed", read(order1).getString("status"));
    assertEquals(List.of("ImagingStudy/" + study.studyInstanceUid()),
        read(charge1).getList("service.reference"));
    assertEquals(0, worklistOf(acc1).size(), "a completed order leaves the worklist");
    given().get(root + "/api/worklist?patientId=" + pid + "&status=COMPLETED").then()
        .statusCode(200).body("size()", equalTo(1));

    // order 2: revoked before its study: not billable, and gone from findscu -W
    Response second = post("ServiceRequest", orderJson(patient, vet, "urgent", "DR2"));
    second.then().statusCode(201);
    String order2 = "ServiceRequest/" + second.jsonPath().getString("id");
    String acc2 = accession(second.jsonPath());
    assertEquals(1, worklistOf(acc2).size());
    put(order2, second.asString().replace("\"active\"", "\"revoked\""));
    assertEquals(0, worklistOf(acc2).size(), "a revoked order leaves the worklist");
    JsonPath revoked = search("ChargeItem?service=" + order2);
    assertEquals("not-billable", revoked.getString("entry[0].resource.status"));

    // the PIMS's reconciliation searches
    String today = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
    for (String[] q : new String[][] {
        {"patient=" + patient, "2"}, {"subject=" + patient, "2"},
        {"patient=" + patient + "&status=billable", "1"},
        {"patient=" + patient + "&status=not-billable", "1"},
        {"patient=" + patient + "&status=planned", "0"},
        {"identifier=" + VetFhir.SID_ACCESSION + "|" + acc1, "1"},
        {"service=ImagingStudy/" + study.studyInstanceUid(), "1"},
        {"patient=" + patient + "&entered-date=ge" + today, "2"}}) {
      assertEquals(Integer.parseInt(q[1]), search("ChargeItem?" + q[0]).getInt("total"), q[0]);
    }
    assertEquals(2, search(charge1 + "/_history")
        .getList("entry").size());
    // charges are the server's record: clients cannot create them
    post("ChargeItem", "{\"resourceType\":\"ChargeItem\",\"status\":\"billable\","
        + "\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"" + patient + "\"}}")
        .then().statusCode(org.hamcrest.Matchers.oneOf(400, 405));
  }

  @Test
  void priorsOfTheAnimalComeInDateOrderThroughFhirAndQido() throws Exception {
    String tag = unique();
    String pid = "WP" + tag;
    String patient = create("Patient",
        dogJson(null, pid, "Rex", owner(tag), clinic(tag)));
    GeneratedStudy older = study(7401, pid, null, "20240101");
    GeneratedStudy newer = study(7402, pid, null, "20250601");
    for (GeneratedStudy s : List.of(older, newer)) {
      given().contentType(Dicom.STOW_CONTENT_TYPE).accept("application/dicom+json")
          .body(Dicom.multipart(s.instances().stream().map(GeneratedInstance::file).toList()))
          // 202: the header is coerced to the registered animal (Warning 0xB000)
          .post(root + "/dicom-web/studies").then().statusCode(org.hamcrest.Matchers.oneOf(200, 202));
    }
    JsonPath latestFirst = search("ImagingStudy?patient=" + patient + "&_sort=-started");
    assertEquals(List.of(newer.studyInstanceUid(), older.studyInstanceUid()),
        latestFirst.getList("entry.resource.id"));
    assertEquals(List.of(older.studyInstanceUid(), newer.studyInstanceUid()),
        search("ImagingStudy?patient=" + patient + "&_sort=started").getList("entry.resource.id"));
    assertEquals(2, search("ImagingStudy?patient=" + patient + "&modality=DX&bodysite=CHEST")
        .getInt("total"));
    assertEquals(0, search("ImagingStudy?patient=" + patient + "&bodysite=SKULL")
        .getInt("total"));
    // QIDO-RS: the same priors by Patient ID
    given().accept("application/dicom+json")
        .get(root + "/dicom-web/studies?PatientID=" + pid).then().statusCode(200)
        .body("size()", equalTo(2))
        .body("'0020000D'.Value.flatten()",
            org.hamcrest.Matchers.hasItems(newer.studyInstanceUid(), older.studyInstanceUid()));
  }
}
