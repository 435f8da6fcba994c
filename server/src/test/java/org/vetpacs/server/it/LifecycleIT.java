package org.vetpacs.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetpacs.testdata.GeneratedInstance;
import org.vetpacs.testdata.GeneratedStudy;
import org.vetpacs.testdata.GeneratorOptions;
import org.vetpacs.testdata.StudyGenerator;
import org.vetpacs.testdata.StudyKind;

/**
 * The end of an instance's life through HTTP on the real WAR: DELETE (enabled in the failsafe
 * environment), IOCM rejection notes (PS3.3 C.17.6), the Capabilities transaction (PS3.18 8.9) and
 * CORS.
 */
@ExtendWith(ArquillianExtension.class)
class LifecycleIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.vetpacsWar();
  }

  @ArquillianResource URL deployed;

  private String root;

  @BeforeEach
  void root() {
    root = Deployments.serverRoot(deployed);
  }

  private String dicomweb(String path) {
    return root + "/dicom-web" + path;
  }

  private io.restassured.response.Response stowHere(byte[] body) {
    return given()
        .contentType(Dicom.STOW_CONTENT_TYPE)
        .body(body)
        .when()
        .post(dicomweb("/studies"));
  }

  private static String instancePath(GeneratedStudy study, GeneratedInstance instance) {
    return "/studies/" + study.studyInstanceUid() + "/series/" + instance.seriesInstanceUid()
        + "/instances/" + instance.sopInstanceUid();
  }

  // ---------------------------------------------------------------- DELETE

  @Test
  void deleteOfAnInstanceRemovesItFromQidoAndWadoAndRecountsTheStudy() throws IOException {
    GeneratedStudy ct = storeStudyHere(StudyKind.CT, 3101);
    GeneratedInstance gone = ct.instances().get(0);
    int n = ct.instances().size();

    given().when().delete(dicomweb(instancePath(ct, gone))).then().statusCode(204);

    given().when().get(dicomweb("/studies/" + ct.studyInstanceUid() + "/instances"))
        .then().statusCode(200)
        .body("$", hasSize(n - 1))
        .body("collect { it.'00080018'.Value[0] }", not(hasItem(gone.sopInstanceUid())));
    given().when().get(dicomweb(instancePath(ct, gone))).then().statusCode(404);
    given().when().get(dicomweb(instancePath(ct, gone) + "/metadata")).then().statusCode(404);
    given().queryParam("StudyInstanceUID", ct.studyInstanceUid())
        .when().get(dicomweb("/studies"))
        .then().statusCode(200)
        .body("$", hasSize(1))
        .body("[0].'00201208'.Value[0]", equalTo(n - 1));
    // WADO-URI is another face of the same index
    given().queryParam("requestType", "WADO").queryParam("studyUID", ct.studyInstanceUid())
        .queryParam("seriesUID", gone.seriesInstanceUid())
        .queryParam("objectUID", gone.sopInstanceUid())
        .queryParam("contentType", "application/dicom")
        .when().get(root + "/wado").then().statusCode(404);
    // a second DELETE finds nothing
    given().when().delete(dicomweb(instancePath(ct, gone))).then().statusCode(404)
        .contentType(startsWith("application/problem+json"));
  }

  @Test
  void deleteOfTheOnlySeriesMakesTheStudyDisappear() throws IOException {
    GeneratedStudy dental = storeStudyHere(StudyKind.DENTAL, 3102);
    String series = dental.instances().get(0).seriesInstanceUid();
    long seriesCount =
        dental.instances().stream().map(GeneratedInstance::seriesInstanceUid).distinct().count();

    given().when().delete(dicomweb("/studies/" + dental.studyInstanceUid() + "/series/" + series))
        .then().statusCode(204);
    given().when().get(dicomweb("/studies/" + dental.studyInstanceUid() + "/series/" + series))
        .then().statusCode(404);
    given().queryParam("SeriesInstanceUID", series).when().get(dicomweb("/series"))
        .then().statusCode(200).body("$", hasSize(0));
    if (seriesCount == 1) {
      given().queryParam("StudyInstanceUID", dental.studyInstanceUid())
          .when().get(dicomweb("/studies"))
          .then().statusCode(200).body("$", hasSize(0));
    }
  }

  @Test
  void deleteOfAStudyRemovesEverythingOfIt() throws IOException {
    GeneratedStudy dr = storeStudyHere(StudyKind.DR_THORAX, 3103);

    given().when().delete(dicomweb("/studies/" + dr.studyInstanceUid())).then().statusCode(204);

    given().queryParam("StudyInstanceUID", dr.studyInstanceUid()).when().get(dicomweb("/studies"))
        .then().statusCode(200).body("$", hasSize(0));
    given().queryParam("StudyInstanceUID", dr.studyInstanceUid()).when().get(dicomweb("/instances"))
        .then().statusCode(200).body("$", hasSize(0));
    given().when().get(dicomweb("/studies/" + dr.studyInstanceUid())).then().statusCode(404);
    given().when().get(dicomweb("/studies/" + dr.studyInstanceUid() + "/metadata"))
        .then().statusCode(404);
    given().when().delete(dicomweb("/studies/" + dr.studyInstanceUid())).then().statusCode(404);
    // the archive forgot it: the same instances can be stored again
    stowHere(Dicom.multipart(dr.instances().stream().map(GeneratedInstance::file).toList()))
        .then().statusCode(200);
  }

  @Test
  void deleteOfUnknownResourcesIsNotFoundAndOfMalformedUidsABadRequest() {
    given().when().delete(dicomweb("/studies/1.2.826.0.1.3680043.10.543.404"))
        .then().statusCode(404).contentType(startsWith("application/problem+json"));
    given().when().delete(dicomweb("/studies/1.2.3/series/1.2.3.4")).then().statusCode(404);
    given().when().delete(dicomweb("/studies/1.2.3/series/1.2.3.4/instances/1.2.3.4.5"))
        .then().statusCode(404);
    given().when().delete(dicomweb("/studies/not-a-uid")).then().statusCode(400);
  }

  // ---------------------------------------------------------------- IOCM rejection

  @Test
  void rejectionNoteHidesTheReferencedInstanceFromEveryHttpFaceAndStaysVisibleItself()
      throws Exception {
    GeneratedStudy ct = storeStudyHere(StudyKind.CT, 3104);
    GeneratedInstance rejected = ct.instances().get(1);
    int n = ct.instances().size();
    String kosUid = newUid();
    byte[] kos = rejectionNote(ct, rejected, kosUid, "113001", "Rejected for Quality Reasons");

    stowHere(Dicom.multipartOfBytes(List.of(kos))).then().statusCode(200)
        .body("'00081198'", nullValue());

    given().when().get(dicomweb("/studies/" + ct.studyInstanceUid() + "/instances"))
        .then().statusCode(200)
        .body("$", hasSize(n)) // n - 1 images + the note
        .body("collect { it.'00080018'.Value[0] }", not(hasItem(rejected.sopInstanceUid())))
        .body("collect { it.'00080018'.Value[0] }", hasItem(kosUid));
    given().when().get(dicomweb(instancePath(ct, rejected))).then().statusCode(404);
    given().when().get(dicomweb(instancePath(ct, rejected) + "/rendered")).then().statusCode(404);
    given().queryParam("requestType", "WADO").queryParam("studyUID", ct.studyInstanceUid())
        .queryParam("seriesUID", rejected.seriesInstanceUid())
        .queryParam("objectUID", rejected.sopInstanceUid())
        .when().get(root + "/wado").then().statusCode(404);
    given().when().get(dicomweb("/studies/" + ct.studyInstanceUid() + "/series/"
            + rejected.seriesInstanceUid() + "/metadata"))
        .then().statusCode(200).body("$", hasSize(n - 1));
    given().queryParam("StudyInstanceUID", ct.studyInstanceUid())
        .when().get(dicomweb("/studies"))
        .then().statusCode(200)
        .body("[0].'00201208'.Value[0]", equalTo(n)) // n - 1 images + the note
        .body("[0].'00201206'.Value[0]", equalTo(2))
        .body("[0].'00080061'.Value", hasItem("KO"));
    given().when().get(dicomweb("/studies/" + ct.studyInstanceUid() + "/series"))
        .then().statusCode(200)
        .body("find { it.'00080060'.Value[0] == 'CT' }.'00201209'.Value[0]", equalTo(n - 1));
    // the note itself is stored and queryable
    given().queryParam("SOPInstanceUID", kosUid).when().get(dicomweb("/instances"))
        .then().statusCode(200).body("$", hasSize(1))
        .body("[0].'00080016'.Value[0]", equalTo("1.2.840.10008.5.1.4.1.1.88.59"));

    // a re-send of the rejected instance stays rejected (0111, nothing stored: 409)
    stowHere(Dicom.multipart(List.of(rejected.file())))
        .then().statusCode(409)
        .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0x0111))
        .header("Warning", containsString("rejected"));
    given().when().get(dicomweb(instancePath(ct, rejected))).then().statusCode(404);
  }

  @Test
  void rejectionBeforeTheInstanceArrivesKeepsItHiddenWhenItDoes() throws Exception {
    Path work =
        Files.createDirectories(Path.of(System.getProperty("vetpacs.it.work", "target/it-work")));
    GeneratedStudy dr =
        new StudyGenerator(3105)
            .generate(StudyKind.DR_THORAX, Files.createTempDirectory(work, "lifecycle-"),
                GeneratorOptions.small());
    GeneratedInstance early = dr.instances().get(0);
    byte[] kos =
        rejectionNote(dr, early, newUid(), "113038", "Incorrect Modality Worklist Entry");
    stowHere(Dicom.multipartOfBytes(List.of(kos))).then().statusCode(200);
    // the study arrives after the note: all but the rejected instance are stored
    stowHere(Dicom.multipart(dr.instances().stream().map(GeneratedInstance::file).toList()))
        .then().statusCode(dr.instances().size() == 1 ? 409 : 202);
    given().when().get(dicomweb(instancePath(dr, early))).then().statusCode(404);
    given().queryParam("SOPInstanceUID", early.sopInstanceUid()).when().get(dicomweb("/instances"))
        .then().statusCode(200).body("$", hasSize(0));
  }

  // ---------------------------------------------------------------- Capabilities and CORS

  @Test
  void optionsOnTheServiceRootAnswersTheWadlOfEveryResource() {
    given().when().options(dicomweb(""))
        .then().statusCode(200)
        .contentType(startsWith("application/vnd.sun.wadl+xml"))
        .header("Allow", containsString("GET"))
        .body(containsString("<application xmlns=\"http://wadl.dev.java.net/2009/02\""))
        .body(containsString("<resource path=\"studies\">"))
        .body(containsString("<resource path=\"studies/{study}/series/{series}/instances/{instance}/frames/{frames}\">"))
        .body(containsString("<method name=\"DELETE\""))
        .body(containsString("/dicom-web/\""));
  }

  @Test
  void optionsOnAResourceDescribesThatResourceAndJsonIsOffered() {
    given().when().options(dicomweb("/studies/1.2.3"))
        .then().statusCode(200)
        .header("Allow", equalTo("DELETE, GET, OPTIONS, POST"))
        .body(containsString("<resource path=\"studies/{study}\">"))
        .body(not(containsString("<resource path=\"studies\">")));
    given().accept("application/json").when().options(dicomweb("/studies"))
        .then().statusCode(200)
        .contentType(startsWith("application/json"))
        .body("resources[0].path", equalTo("studies"))
        .body("resources[0].methods.name", hasItem("GET"));
    given().when().options(dicomweb("/workitems")).then().statusCode(404);
  }

  @Test
  void corsHeadersOnAnswersToAnotherOrigin() {
    given().header("Origin", "http://viewer.example:3000")
        .when().get(dicomweb("/studies"))
        .then().statusCode(200)
        .header("Access-Control-Allow-Origin", equalTo("*"))
        .header("Access-Control-Expose-Headers", containsString("Warning"))
        .header("Access-Control-Expose-Headers", containsString("Content-Location"));
    given().header("Origin", "http://viewer.example:3000")
        .when().get(dicomweb("/studies/1.2.826.0.1.3680043.10.543.404/metadata"))
        .then().statusCode(404)
        .header("Access-Control-Allow-Origin", equalTo("*"));
  }

  @Test
  void corsPreflightIsAnsweredAndIsNotTheCapabilitiesTransaction() {
    for (String path : List.of("/dicom-web/studies", "/wado", "/dicom-web/studies/1.2.3")) {
      given().header("Origin", "http://viewer.example:3000")
          .header("Access-Control-Request-Method", "GET")
          .header("Access-Control-Request-Headers", "accept")
          .when().options(root + path)
          .then().statusCode(204)
          .header("Access-Control-Allow-Origin", equalTo("*"))
          .header("Access-Control-Allow-Methods", containsString("GET"))
          .header("Access-Control-Allow-Methods", containsString("DELETE"))
          .header("Access-Control-Allow-Headers", containsString("Accept"))
          .header("Access-Control-Allow-Headers", containsString("Content-Type"))
          .header("Access-Control-Allow-Headers", containsString("Authorization"))
          .header("Content-Type", nullValue());
    }
  }

  // ---------------------------------------------------------------- helpers

  private GeneratedStudy storeStudyHere(StudyKind kind, long seed) throws IOException {
    Path work =
        Files.createDirectories(Path.of(System.getProperty("vetpacs.it.work", "target/it-work")));
    GeneratedStudy study =
        new StudyGenerator(seed)
            .generate(kind, Files.createTempDirectory(work, "lifecycle-"), GeneratorOptions.small());
    stowHere(Dicom.multipart(study.instances().stream().map(GeneratedInstance::file).toList()))
        .then()
        .statusCode(200);
    return study;
  }

  private static String newUid() {
    UUID u = UUID.randomUUID();
    ByteBuffer b = ByteBuffer.allocate(16);
    b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
    return "2.25." + new BigInteger(1, b.array());
  }

  /**
   * A Key Object Selection document (PS3.3 A.35.4) titled as an IOCM rejection note, in the
   * study of {@code target} (patient and study attributes copied from it), referencing it in
   * Current Requested Procedure Evidence Sequence and in its content; Part 10 bytes.
   */
  static byte[] rejectionNote(
      GeneratedStudy study, GeneratedInstance target, String kosUid, String code, String meaning)
      throws IOException, DicomException {
    AttributeList source = new AttributeList();
    source.read(target.file().toString());
    AttributeList kos = new AttributeList();
    for (AttributeTag tag :
        List.of(TagFromName.PatientName, TagFromName.PatientID, TagFromName.PatientBirthDate,
            TagFromName.PatientSex, TagFromName.StudyInstanceUID, TagFromName.StudyDate,
            TagFromName.StudyTime, TagFromName.AccessionNumber, TagFromName.ReferringPhysicianName,
            TagFromName.StudyID)) {
      Attribute a = source.get(tag);
      if (a != null) {
        kos.put(a);
      }
    }
    put(kos, TagFromName.SOPClassUID, SOPClass.KeyObjectSelectionDocumentStorage);
    put(kos, TagFromName.SOPInstanceUID, kosUid);
    put(kos, TagFromName.SeriesInstanceUID, newUid());
    put(kos, TagFromName.Modality, "KO");
    put(kos, TagFromName.SeriesNumber, "999");
    put(kos, TagFromName.InstanceNumber, "1");
    put(kos, TagFromName.Manufacturer, "VetPACS IT");
    put(kos, TagFromName.ContentDate, "20260101");
    put(kos, TagFromName.ContentTime, "120000");
    put(kos, TagFromName.ValueType, "CONTAINER");
    put(kos, TagFromName.ContinuityOfContent, "SEPARATE");
    SequenceAttribute title = new SequenceAttribute(TagFromName.ConceptNameCodeSequence);
    title.addItem(new CodedSequenceItem(code, "DCM", meaning).getAttributeList());
    kos.put(title);
    SequenceAttribute template = new SequenceAttribute(TagFromName.ContentTemplateSequence);
    AttributeList tid = new AttributeList();
    put(tid, TagFromName.MappingResource, "DCMR");
    put(tid, TagFromName.TemplateIdentifier, "2010");
    template.addItem(tid);
    kos.put(template);

    AttributeList sop = new AttributeList();
    put(sop, TagFromName.ReferencedSOPClassUID, target.sopClassUid());
    put(sop, TagFromName.ReferencedSOPInstanceUID, target.sopInstanceUid());
    // content: one IMAGE item referencing the instance (TID 2010)
    SequenceAttribute content = new SequenceAttribute(TagFromName.ContentSequence);
    AttributeList image = new AttributeList();
    put(image, TagFromName.RelationshipType, "CONTAINS");
    put(image, TagFromName.ValueType, "IMAGE");
    SequenceAttribute imageRef = new SequenceAttribute(TagFromName.ReferencedSOPSequence);
    imageRef.addItem(copy(sop));
    image.put(imageRef);
    content.addItem(image);
    kos.put(content);
    // evidence: study > series > SOP (PS3.3 C.17.2.3)
    SequenceAttribute sops = new SequenceAttribute(TagFromName.ReferencedSOPSequence);
    sops.addItem(copy(sop));
    AttributeList series = new AttributeList();
    put(series, TagFromName.SeriesInstanceUID, target.seriesInstanceUid());
    series.put(sops);
    SequenceAttribute seriesSeq = new SequenceAttribute(TagFromName.ReferencedSeriesSequence);
    seriesSeq.addItem(series);
    AttributeList evidenceStudy = new AttributeList();
    put(evidenceStudy, TagFromName.StudyInstanceUID, study.studyInstanceUid());
    evidenceStudy.put(seriesSeq);
    SequenceAttribute evidence =
        new SequenceAttribute(TagFromName.CurrentRequestedProcedureEvidenceSequence);
    evidence.addItem(evidenceStudy);
    kos.put(evidence);

    FileMetaInformation.addFileMetaInformation(kos, TransferSyntax.ExplicitVRLittleEndian, "VPIT");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    kos.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
    return out.toByteArray();
  }

  private static AttributeList copy(AttributeList list) throws DicomException {
    AttributeList copy = new AttributeList();
    for (Attribute a : list.values()) {
      put(copy, a.getTag(), a.getSingleStringValueOrEmptyString());
    }
    return copy;
  }

  private static void put(AttributeList list, AttributeTag tag, String value)
      throws DicomException {
    Attribute a = com.pixelmed.dicom.AttributeFactory.newAttribute(tag);
    a.addValue(value);
    list.put(a);
  }
}
