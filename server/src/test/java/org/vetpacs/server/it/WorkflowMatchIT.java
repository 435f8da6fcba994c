package org.vetpacs.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vetpacs.server.it.ItSupport.FHIR_JSON;
import static org.vetpacs.server.it.ItSupport.JSON;
import static org.vetpacs.server.it.ItSupport.await;
import static org.vetpacs.server.it.ItSupport.dogJson;
import static org.vetpacs.server.it.ItSupport.modify;
import static org.vetpacs.server.it.ItSupport.orderJson;
import static org.vetpacs.server.it.ItSupport.ownerJson;
import static org.vetpacs.server.it.ItSupport.unique;

import com.pixelmed.dicom.TagFromName;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetpacs.testdata.GeneratedStudy;
import org.vetpacs.testdata.GeneratorOptions;
import org.vetpacs.testdata.StudyGenerator;
import org.vetpacs.testdata.StudyKind;

/**
 * Study to order and animal, and the reconciliation queue, through the real protocols: a PIMS
 * registers the animal and the order over FHIR, a modality sends a study whose header says
 * something else (STOW-RS and storescu), and the stored header, the index, the ImagingStudy and the
 * order follow the registry. The quiet period is 2 s here (server/pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class WorkflowMatchIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.vetpacsWar();
  }

  @ArquillianResource URL deployed;

  private String root;
  private String fhir;
  private Path work;
  private ItSupport.Server server;

  @BeforeEach
  void setUp() throws Exception {
    root = Deployments.serverRoot(deployed);
    fhir = root + "/fhir";
    work = ItSupport.work();
    server = new ItSupport.Server(root);
  }

  @Test
  void studyWithTheOrdersAccessionButAMisspelledNameIsCoercedLinkedAndCompletesTheOrder()
      throws Exception {
    String tag = unique();
    String pid = "VP" + tag;
    // an owner whose name has letters outside the instances' ISO_IR 100 (Latin-1)
    String family = "Dvořák" + tag;
    String owner = create("RelatedPerson", ownerJson(family));
    String patient = create("Patient", dogJson(pid, "Bailey", family, owner));
    Response orderResponse = post("ServiceRequest", orderJson(patient));
    orderResponse.then().statusCode(201);
    String orderRef = "ServiceRequest/" + orderResponse.jsonPath().getString("id");
    String accession = orderResponse.jsonPath()
        .getString("identifier.find { it.system == 'https://vetpacs.org/fhir/sid/accession' }.value");
    assertNotNull(accession);

    GeneratedStudy study = generate(9101);
    String sentName = "BAYLEY^DVORAK";
    List<Path> files = modify(study, Map.of(
        TagFromName.PatientName, sentName,
        TagFromName.PatientID, "MOD-" + tag,
        TagFromName.AccessionNumber, accession));

    // STOW-RS: stored with Warning Reason B000 "Coercion of data elements" (PS3.18 Table I.2-1)
    JsonPath stow = given().contentType(Dicom.STOW_CONTENT_TYPE).accept("application/dicom+json")
        .body(Dicom.multipart(files)).post(root + "/dicom-web/studies")
        .then().statusCode(202).extract().jsonPath();
    assertEquals(0xB000, stow.getInt("'00081199'.Value[0].'00081196'.Value[0]"));

    // WADO-RS metadata: the registered animal, the original name in Original Attributes Sequence
    JsonPath meta = metadata(study.studyInstanceUid());
    String coercedName = "BAILEY^" + family.toUpperCase(Locale.ROOT);
    assertEquals(coercedName, meta.getString("[0].'00100010'.Value[0].Alphabetic"));
    // the header was re-encoded in UTF-8 to hold the name (PS3.5 6.1); the stored file says so
    assertEquals("ISO_IR 192", meta.getString("[0].'00080005'.Value[0]"));
    assertEquals("ISO_IR 100",
        meta.getString("[0].'04000561'.Value[0].'04000550'.Value[0].'00080005'.Value[0]"));
    assertEquals(pid, meta.getString("[0].'00100020'.Value[0]"));
    assertEquals(accession, meta.getString("[0].'00080050'.Value[0]"));
    assertEquals("OWNER", meta.getString("[0].'00102298'.Value[0]"));
    String original = "[0].'04000561'.Value[0]";
    assertEquals("COERCE", meta.getString(original + ".'04000565'.Value[0]"));
    assertEquals(sentName,
        meta.getString(original + ".'04000550'.Value[0].'00100010'.Value[0].Alphabetic"));
    assertEquals("MOD-" + tag, meta.getString(original + ".'04000550'.Value[0].'00100020'.Value[0]"));

    // the ImagingStudy names the animal and the order
    String uid = study.studyInstanceUid();
    await(() -> patient.equals(given().accept(FHIR_JSON).get(fhir + "/ImagingStudy/" + uid)
        .jsonPath().getString("subject.reference")), "ImagingStudy subject");
    given().accept(FHIR_JSON).get(fhir + "/ImagingStudy/" + uid).then().statusCode(200)
        .body("basedOn[0].reference", equalTo(orderRef));

    // the order completes once no instance came for the quiet period
    await(() -> "completed".equals(given().accept(FHIR_JSON).get(fhir + "/" + orderRef)
        .jsonPath().getString("status")), "order completed after the quiet period");
    // and the study never entered the reconciliation queue
    assertEquals(0, search("Task?focus=ImagingStudy/" + uid).getInt("total"));
  }

  @Test
  void studyWithAWrongNameAndNoAccessionIsQueuedThenAssignedAndItsHeaderCorrected()
      throws Exception {
    String tag = unique();
    String pid = "VP" + tag;
    String patient = create("Patient", dogJson(pid, "Luna", "Jones" + tag, null));
    GeneratedStudy study = generate(9202);
    String uid = study.studyInstanceUid();
    String sentName = "LUNNA^JONEZ";
    List<Path> files = modify(study, Map.of(
        TagFromName.PatientName, sentName,
        TagFromName.PatientID, "UNK-" + tag,
        TagFromName.AccessionNumber, ""));

    ItSupport.storescu(files);

    // queued: an item in /api/reconciliation and a FHIR Task focused on the ImagingStudy
    await(() -> queueItem(uid) != null, "queue item");
    Map<String, Object> item = queueItem(uid);
    String id = (String) item.get("id");
    assertEquals("unmatched", item.get("reason"));
    JsonPath tasks = search("Task?focus=ImagingStudy/" + uid + "&status=requested");
    assertEquals(1, tasks.getInt("total"));
    assertEquals("reconcile-study", tasks.getString("entry[0].resource.code.coding[0].code"));

    // staff assign it to the registered animal
    given().contentType(JSON).accept(JSON).header("X-User", "tech1")
        .body("{\"patient\":\"" + patient + "\"}")
        .post(root + "/api/reconciliation/" + id + "/assign")
        .then().statusCode(200)
        .body("status", equalTo("completed"))
        .body("patient", equalTo(patient))
        .body("result.instancesCorrected", equalTo(study.instances().size()));

    // the stored header and the index follow, with the sent values kept
    JsonPath meta = metadata(uid);
    assertEquals("LUNA^JONES" + tag, meta.getString("[0].'00100010'.Value[0].Alphabetic"));
    assertEquals(pid, meta.getString("[0].'00100020'.Value[0]"));
    String original = "[0].'04000561'.Value[0]";
    assertEquals("CORRECT", meta.getString(original + ".'04000565'.Value[0]"));
    assertEquals(sentName,
        meta.getString(original + ".'04000550'.Value[0].'00100010'.Value[0].Alphabetic"));
    given().accept("application/dicom+json")
        .get(root + "/dicom-web/studies?PatientID=" + pid)
        .then().statusCode(200)
        .body("[0].'0020000D'.Value[0]", equalTo(uid))
        .body("[0].'00100010'.Value[0].Alphabetic", equalTo("LUNA^JONES" + tag));
    given().accept(FHIR_JSON).get(fhir + "/ImagingStudy/" + uid).then().statusCode(200)
        .body("subject.reference", equalTo(patient));
    assertEquals("completed", given().accept(FHIR_JSON).get(fhir + "/Task/" + id)
        .jsonPath().getString("status"));

    // audited; a second assignment is refused as a problem document; nothing unknown is found
    JsonPath audit = given().accept(JSON).get(root + "/api/reconciliation/audit")
        .then().statusCode(200).extract().jsonPath();
    assertTrue(audit.getList("items.id").contains(id));
    given().contentType(JSON).body("{\"patient\":\"" + patient + "\"}")
        .post(root + "/api/reconciliation/" + id + "/assign")
        .then().statusCode(409).contentType("application/problem+json");
    given().contentType(JSON).body("{\"patient\":\"" + patient + "\"}")
        .post(root + "/api/reconciliation/no-such-item/assign")
        .then().statusCode(404).contentType("application/problem+json");
    // the queue by status: a known Task status lists, an unknown one is refused
    given().accept(JSON).get(root + "/api/reconciliation?status=completed").then().statusCode(200);
    given().accept(JSON).get(root + "/api/reconciliation?status=bogus")
        .then().statusCode(400).contentType("application/problem+json");
  }

  @Test
  void mergeMovesTheSourcesStudiesAndOrdersToTheTarget() throws Exception {
    String tag = unique();
    String source = create("Patient", dogJson("VPS" + tag, "Rex", "Doe" + tag, null));
    String target = create("Patient", dogJson("VPT" + tag, "Rex", "Doe" + tag, null));
    Response orderResponse = post("ServiceRequest", orderJson(source));
    String orderRef = "ServiceRequest/" + orderResponse.jsonPath().getString("id");
    GeneratedStudy study = generate(9303);
    // the study matches the source by its Patient ID
    List<Path> files = modify(study, Map.of(TagFromName.PatientID, "VPS" + tag,
        TagFromName.AccessionNumber, ""));
    // C-STORE: the coercion is reported as status B000 (PS3.4 B.2.3)
    Dcmtk.Result store = ItSupport.storescu(files);
    String said = store.output().toLowerCase(java.util.Locale.ROOT);
    assertTrue(said.contains("coercion") || said.contains("b000"), store.output());

    given().contentType(JSON).accept(JSON)
        .body("{\"source\":\"" + source + "\",\"target\":\"" + target + "\"}")
        .post(root + "/api/reconciliation/merge")
        .then().statusCode(200).body("code", equalTo("merge-patients"))
        .body("patient", equalTo(target));

    assertEquals("VPT" + tag, metadata(study.studyInstanceUid()).getString("[0].'00100020'.Value[0]"));
    JsonPath merged = given().accept(FHIR_JSON).get(fhir + "/" + source).jsonPath();
    assertEquals(false, merged.getBoolean("active"));
    assertEquals(target, merged.getString("link.find { it.type == 'replaced-by' }.other.reference"));
    assertEquals(target, given().accept(FHIR_JSON).get(fhir + "/" + orderRef)
        .jsonPath().getString("subject.reference"));
    given().accept(FHIR_JSON).get(fhir + "/ImagingStudy/" + study.studyInstanceUid())
        .then().statusCode(200).body("subject.reference", equalTo(target));
  }

  @Test
  void splitMovesTheNamedSeriesToANewStudyOfTheOtherAnimal() throws Exception {
    String tag = unique();
    String a = create("Patient", dogJson("VPA" + tag, "Nala", "Gray" + tag, null));
    String b = create("Patient", dogJson("VPB" + tag, "Simba", "Gray" + tag, null));
    GeneratedStudy first = generate(9404);
    GeneratedStudy second = generate(9505);
    String uid = first.studyInstanceUid();
    String movedSeries = second.instances().get(0).seriesInstanceUid();
    List<Path> files = new ArrayList<>(modify(first, Map.of(TagFromName.PatientID, "VPA" + tag,
        TagFromName.AccessionNumber, "")));
    // the second series was taken of the other dog but sent as part of the first study
    files.addAll(modify(second, Map.of(TagFromName.PatientID, "VPA" + tag,
        TagFromName.AccessionNumber, "", TagFromName.StudyInstanceUID, uid)));
    given().contentType(Dicom.STOW_CONTENT_TYPE).accept("application/dicom+json")
        .body(Dicom.multipart(files)).post(root + "/dicom-web/studies")
        .then().statusCode(202);

    JsonPath split = given().contentType(JSON).accept(JSON).header("X-User", "tech2")
        .body("{\"study\":\"" + uid + "\",\"series\":[\"" + movedSeries + "\"],\"patient\":\""
            + b + "\"}")
        .post(root + "/api/reconciliation/split")
        .then().statusCode(200).body("code", equalTo("split-study"))
        .body("patient", equalTo(b)).extract().jsonPath();
    String newUid = split.getString("result.newStudy").substring("ImagingStudy/".length());

    given().accept("application/dicom+json").get(root + "/dicom-web/studies/" + uid + "/series")
        .then().statusCode(200).body("size()", equalTo(1))
        .body("[0].'0020000E'.Value[0]", equalTo(first.instances().get(0).seriesInstanceUid()));
    JsonPath moved = metadata(newUid);
    assertEquals("VPB" + tag, moved.getString("[0].'00100020'.Value[0]"));
    assertEquals(movedSeries, moved.getString("[0].'0020000E'.Value[0]"));
    assertEquals(uid, moved.getString(
        "[0].'04000561'.Value[-1].'04000550'.Value[0].'0020000D'.Value[0]"));
    // the counts follow the instances: each study counts exactly what it now holds
    given().accept(FHIR_JSON).get(fhir + "/ImagingStudy/" + newUid).then().statusCode(200)
        .body("subject.reference", equalTo(b)).body("numberOfSeries", equalTo(1))
        .body("numberOfInstances", equalTo(second.instances().size()));
    given().accept(FHIR_JSON).get(fhir + "/ImagingStudy/" + uid).then().statusCode(200)
        .body("subject.reference", equalTo(a)).body("numberOfSeries", equalTo(1))
        .body("numberOfInstances", equalTo(first.instances().size()));
    given().accept("application/dicom+json").get(root + "/dicom-web/studies?StudyInstanceUID="
            + newUid).then().statusCode(200)
        .body("[0].'00201208'.Value[0]", equalTo(second.instances().size()));
    // splitting off every series is not a split
    given().contentType(JSON)
        .body("{\"study\":\"" + newUid + "\",\"series\":[\"" + movedSeries + "\"],\"patient\":\""
            + a + "\"}")
        .post(root + "/api/reconciliation/split")
        .then().statusCode(409).contentType("application/problem+json");
  }

  // ---- helpers ----------------------------------------------------------------------------

  private GeneratedStudy generate(long seed) throws Exception {
    Path dir = Files.createTempDirectory(work, "workflow-");
    return new StudyGenerator(seed ^ System.nanoTime())
        .generate(StudyKind.DR_THORAX, dir, GeneratorOptions.small());
  }

  private JsonPath metadata(String studyUid) {
    return server.metadata(studyUid);
  }

  private Map<String, Object> queueItem(String studyUid) {
    return server.queueItem(studyUid);
  }

  private Response post(String type, String body) {
    return server.post(type, body);
  }

  private String create(String type, String body) {
    return server.create(type, body);
  }

  private JsonPath search(String query) {
    return server.search(query);
  }
}
