package org.vetpacs.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vetpacs.server.it.ItSupport.FHIR_JSON;
import static org.vetpacs.server.it.ItSupport.JSON;
import static org.vetpacs.server.it.ItSupport.aiReportJson;
import static org.vetpacs.server.it.ItSupport.await;
import static org.vetpacs.server.it.ItSupport.dogJson;
import static org.vetpacs.server.it.ItSupport.modify;
import static org.vetpacs.server.it.ItSupport.orderJson;
import static org.vetpacs.server.it.ItSupport.ownerJson;
import static org.vetpacs.server.it.ItSupport.subscriptionJson;
import static org.vetpacs.server.it.ItSupport.unique;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.Species;
import org.vetpacs.model.fhir.VetFhir;
import org.vetpacs.testdata.GeneratedStudy;
import org.vetpacs.testdata.GeneratorOptions;
import org.vetpacs.testdata.StudyGenerator;
import org.vetpacs.testdata.StudyKind;

/**
 * The clinic's day of issue #6, end to end through the real protocols, in the order it happens: a
 * PIMS (REST Assured) registers the owner, the dog and the order; the PIMS subscribes to the dog's
 * reports, an AI vendor to new studies and the radiology desk to review Tasks (receivers in this
 * JVM); the modality's {@code findscu -W} sees the scheduled item with species and breed and its
 * {@code storescu} sends the study under the item's accession number and Study Instance UID; the
 * study is linked to the order, which completes (quiet period 2 s here); the AI vendor is called
 * with the ImagingStudy, pulls the images by WADO-RS from the Endpoint's address and posts a
 * preliminary report that asks for a radiologist; the review Task appears; a vet signs the report
 * off; the PIMS is notified and finds the report from the patient; the charge is billable. Also:
 * a study with a wrong name and no accession number waits in the reconciliation queue until staff
 * assign it, and its stored header is corrected.
 */
@ExtendWith(ArquillianExtension.class)
class ClinicDayIT {

  private static final String DICOM_PART = "multipart/related; type=\"application/dicom\"";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.vetpacsWar();
  }

  @ArquillianResource URL deployed;

  private String root;
  private String fhir;
  private Path work;
  private ItSupport.Server server;
  private ItSupport.Receiver receiver;

  @BeforeEach
  void setUp() throws Exception {
    root = Deployments.serverRoot(deployed);
    fhir = root + "/fhir";
    work = ItSupport.work();
    server = new ItSupport.Server(root);
    receiver = new ItSupport.Receiver(0);
  }

  @AfterEach
  void tearDown() {
    receiver.stop();
  }

  private GeneratedStudy generate(long seed) throws Exception {
    return new StudyGenerator(seed).generate(StudyKind.DR_THORAX,
        Files.createTempDirectory(work, "clinic-day-"), GeneratorOptions.small());
  }

  private static String text(AttributeList list, com.pixelmed.dicom.AttributeTag tag) {
    return Attribute.getDelimitedStringValuesOrEmptyString(list, tag).trim();
  }

  private List<ItSupport.Receiver.Call> callsAbout(String path, String id) {
    return receiver.calls(c -> c.path().equals(path) && c.body().contains(id));
  }

  @Test
  void theClinicsDayFromOrderToSignedReportAndBill() throws Exception {
    String tag = unique();
    String pid = "CD" + tag;
    String family = "Smith" + tag;

    // 1. the PIMS registers the owner, the dog, the radiologist and the order
    String owner = server.create("RelatedPerson", ownerJson(family));
    String dog = server.create("Patient", dogJson(pid, "Bailey", family, owner));
    String radiologist = server.create("Practitioner", """
        {"resourceType":"Practitioner","active":true,
         "identifier":[{"system":"https://vetpacs.org/fhir/sid/licence","value":"RAD-%s"}],
         "name":[{"family":"Herriot","given":["James"]}]}""".formatted(tag));
    Response ordered = server.post("ServiceRequest", orderJson(dog));
    ordered.then().statusCode(201);
    String order = "ServiceRequest/" + ordered.jsonPath().getString("id");
    String accession = ordered.jsonPath()
        .getString("identifier.find { it.system == '" + VetFhir.SID_ACCESSION + "' }.value");
    assertNotNull(accession);

    // 2. subscriptions: the PIMS to the dog's final reports, the AI vendor to new studies, the
    //    radiology desk to review Tasks
    server.create("Subscription", subscriptionJson(
        "DiagnosticReport?status=final&patient=" + dog, receiver.hook("/pims")));
    server.create("Subscription", subscriptionJson("ImagingStudy", receiver.hook("/ai")));
    server.create("Subscription", subscriptionJson(
        "Task?code=radiologist-review&status=requested", receiver.hook("/radiology")));

    // 3. the modality's worklist query: the scheduled item with the animal's species and breed
    List<AttributeList> items = ItSupport.worklist(work, "AccessionNumber=" + accession,
        "PatientName", "PatientID", "PatientSpeciesDescription", "PatientBreedDescription",
        "StudyInstanceUID", "ScheduledProcedureStepSequence[0].Modality");
    assertEquals(1, items.size());
    AttributeList item = items.get(0);
    assertEquals(pid, text(item, TagFromName.PatientID));
    assertEquals(Species.DOG.dicomDescription(), text(item, TagFromName.PatientSpeciesDescription));
    assertEquals(Breed.GOLDEN_RETRIEVER.description(),
        text(item, TagFromName.PatientBreedDescription));
    String uid = text(item, TagFromName.StudyInstanceUID);
    assertTrue(!uid.isEmpty(), "the worklist item carries the Study Instance UID");

    // 4. storescu sends the study as the modality took it from the worklist item
    GeneratedStudy study = generate(0xC11D);
    List<Path> files = modify(study, Map.of(
        TagFromName.PatientName, text(item, TagFromName.PatientName),
        TagFromName.PatientID, pid,
        TagFromName.AccessionNumber, accession,
        TagFromName.StudyInstanceUID, uid));
    ItSupport.storescu(files);

    // 5. the ImagingStudy is linked to the order, and the order completes after the quiet period
    await(() -> given().accept(FHIR_JSON).get(fhir + "/ImagingStudy/" + uid).statusCode() == 200,
        "the ImagingStudy");
    JsonPath imagingStudy = server.read("ImagingStudy/" + uid);
    assertEquals(dog, imagingStudy.getString("subject.reference"));
    assertEquals(order, imagingStudy.getString("basedOn[0].reference"));
    await(() -> "completed".equals(server.read(order).getString("status")),
        "the order completed after the quiet period");

    // 6. the AI vendor is called with the ImagingStudy and pulls the images by WADO-RS
    int instances = study.instances().size();
    await(() -> callsAbout("/ai", uid).stream().anyMatch(c ->
        JsonPath.from(c.body()).getInt("numberOfInstances") == instances),
        "the ImagingStudy notification of the AI vendor");
    JsonPath notified = JsonPath.from(callsAbout("/ai", uid).get(0).body());
    assertEquals("ImagingStudy", notified.getString("resourceType"));
    String endpointRef = notified.getString("endpoint[0].reference");
    String wadoRoot = server.read(endpointRef).getString("address");
    JsonPath metadata = given().accept("application/dicom+json")
        .get(wadoRoot + "/studies/" + uid + "/metadata")
        .then().statusCode(200).extract().jsonPath();
    assertEquals(instances, metadata.getList("$").size());
    String series = metadata.getString("[0].'0020000E'.Value[0]");
    String sop = metadata.getString("[0].'00080018'.Value[0]");
    Response pulled = given().accept(DICOM_PART)
        .get(wadoRoot + "/studies/" + uid + "/series/" + series + "/instances/" + sop);
    pulled.then().statusCode(200);
    List<byte[]> parts = Dicom.parts(pulled.asByteArray(), pulled.getContentType());
    assertEquals(1, parts.size());
    assertEquals("DICM", new String(Arrays.copyOfRange(parts.get(0), 128, 132),
        StandardCharsets.US_ASCII), "a DICOM Part 10 file");

    // 7. the AI posts a preliminary report naming its model, and asks for a radiologist
    String basedOn = notified.getString("basedOn[0].reference");
    assertEquals(order, basedOn);
    String report = server.create("DiagnosticReport", aiReportJson(dog, "ImagingStudy/" + uid,
        "preliminary", """
        "basedOn":[{"reference":"%s"}],
         "conclusionCode":[{"coding":[{"system":"https://vetpacs.org/fhir/CodeSystem/workflow-task",
           "code":"radiologist-review","display":"Radiologist review"}]}]""".formatted(basedOn)));
    String reportId = report.substring("DiagnosticReport/".length());

    // 8. the escalation is visible: a review Task for the report, and the radiology desk is called
    JsonPath tasks = server.search("Task?code=radiologist-review&focus=" + report);
    assertEquals(1, tasks.getInt("total"));
    String task = "Task/" + tasks.getString("entry[0].resource.id");
    assertEquals("requested", tasks.getString("entry[0].resource.status"));
    assertEquals(dog, tasks.getString("entry[0].resource.for.reference"));
    assertEquals(order, tasks.getString("entry[0].resource.basedOn[0].reference"));
    await(() -> !callsAbout("/radiology", report).isEmpty(), "the review Task notification");
    assertTrue(callsAbout("/pims", reportId).isEmpty(), "a preliminary report is not sent");

    // 9. the radiologist signs it off: final, with a Practitioner as resultsInterpreter
    String signed = given().accept(FHIR_JSON).get(fhir + "/" + report).asString()
        .replace("\"preliminary\"", "\"final\"")
        .replaceFirst("\"subject\"",
            "\"resultsInterpreter\":[{\"reference\":\"" + radiologist + "\"}],\"subject\"");
    given().contentType(FHIR_JSON).body(signed).put(fhir + "/" + report)
        .then().statusCode(200).body("status", equalTo("final"));
    JsonPath done = server.read(task);
    assertEquals("completed", done.getString("status"));
    assertEquals(radiologist, done.getString("owner.reference"));

    // 10. the PIMS is notified, and finds the report from the patient
    await(() -> !callsAbout("/pims", reportId).isEmpty(), "the final report notification");
    JsonPath delivered = JsonPath.from(callsAbout("/pims", reportId).get(0).body());
    assertEquals("final", delivered.getString("status"));
    assertEquals("2.3.1", delivered.getString("contained[0].version[0].value"));
    JsonPath record = server.search("Patient?_id=" + dog.substring("Patient/".length())
        + "&_revinclude=DiagnosticReport:subject");
    assertTrue(record.getList("entry.resource.id").contains(reportId), record.prettify());
    assertEquals("final", record.getString(
        "entry.find { it.resource.resourceType == 'DiagnosticReport' }.resource.status"));

    // 11. the order's charge is billable, for the study done
    JsonPath charge = server.search("ChargeItem?service=" + order);
    assertEquals(1, charge.getInt("total"));
    assertEquals("billable", charge.getString("entry[0].resource.status"));
    assertTrue(charge.getList("entry[0].resource.service.reference")
        .contains("ImagingStudy/" + uid));
  }

  @Test
  void aStudyWithAWrongNameAndNoAccessionWaitsInTheQueueUntilAssignedAndIsCorrected()
      throws Exception {
    String tag = unique();
    String pid = "CQ" + tag;
    String family = "Jones" + tag;
    String dog = server.create("Patient", dogJson(pid, "Luna", family, null));
    GeneratedStudy study = generate(0xC11E);
    String uid = study.studyInstanceUid();
    String sentName = "LUNNA^JONEZ";
    ItSupport.storescu(modify(study, Map.of(
        TagFromName.PatientName, sentName,
        TagFromName.PatientID, "UNK-" + tag,
        TagFromName.AccessionNumber, "")));

    // queued: an item of /api/reconciliation, and a FHIR Task focused on the study
    await(() -> server.queueItem(uid) != null, "the reconciliation queue item");
    String item = (String) server.queueItem(uid).get("id");
    JsonPath queued = server.search("Task?code=reconcile-study&focus=ImagingStudy/" + uid);
    assertEquals("requested", queued.getString("entry[0].resource.status"));

    // staff assign it to the registered dog
    given().contentType(JSON).accept(JSON).header("X-User", "tech1")
        .body("{\"patient\":\"" + dog + "\"}")
        .post(root + "/api/reconciliation/" + item + "/assign")
        .then().statusCode(200).body("status", equalTo("completed"))
        .body("patient", equalTo(dog));

    // the stored header (WADO-RS metadata) is corrected, the sent values kept
    JsonPath meta = server.metadata(uid);
    assertEquals(("LUNA^" + family).toUpperCase(), meta.getString("[0].'00100010'.Value[0].Alphabetic"));
    assertEquals(pid, meta.getString("[0].'00100020'.Value[0]"));
    assertEquals("CORRECT", meta.getString("[0].'04000561'.Value[-1].'04000565'.Value[0]"));
    assertEquals(sentName, meta.getString(
        "[0].'04000561'.Value[-1].'04000550'.Value[0].'00100010'.Value[0].Alphabetic"));
    given().accept(FHIR_JSON).get(fhir + "/ImagingStudy/" + uid).then().statusCode(200)
        .body("subject.reference", equalTo(dog));
    assertEquals("completed", server.read("Task/" + item).getString("status"));
    given().accept(JSON).get(root + "/api/reconciliation/audit").then().statusCode(200)
        .body("items.id", hasItem(item));
  }
}
