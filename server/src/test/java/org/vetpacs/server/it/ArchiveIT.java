package org.vetpacs.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The archive through its real protocols, on the real WAR in a managed Payara Micro: STOW-RS,
 * QIDO-RS and WADO-RS over HTTP with REST Assured, C-ECHO with dcmtk's echoscu.
 */
@ExtendWith(ArquillianExtension.class)
class ArchiveIT {

  private static final int FAILURE_REASON = 0x00081197;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.vetpacsWar();
  }

  @ArquillianResource URL deployed;

  private String root;
  private Path work;

  @BeforeEach
  void setUp() throws IOException {
    root = Deployments.serverRoot(deployed);
    work = Files.createDirectories(Path.of(System.getProperty("vetpacs.it.work", "target/it-work")));
  }

  private GeneratedStudy generate(long seed, StudyKind kind) throws IOException {
    Path dir = Files.createTempDirectory(work, "study-");
    return new StudyGenerator(seed).generate(kind, dir, GeneratorOptions.small());
  }

  private static List<Path> files(GeneratedStudy study) {
    return study.instances().stream().map(GeneratedInstance::file).toList();
  }

  private Response stow(String path, byte[] body) {
    return given()
        .contentType(Dicom.STOW_CONTENT_TYPE)
        .accept("application/dicom+json")
        .body(body)
        .when()
        .post(root + path);
  }

  private int countStudies() {
    return given().when().get(root + "/dicom-web/studies?limit=1000").then().statusCode(200)
        .extract().jsonPath().getList("$").size();
  }

  @Test
  void healthReportsIndexAndBlobStoreUp() {
    given()
        .when()
        .get(root + "/health")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("index"))
        .body("checks.name", hasItem("blob-store"));
  }

  @Test
  void stowStoresStudyThenQidoFindsItAndWadoReturnsIdenticalBytes() throws IOException {
    GeneratedStudy study = generate(1001, StudyKind.CT);
    int count = study.instances().size();

    stow("/dicom-web/studies", Dicom.multipart(files(study)))
        .then()
        .statusCode(200)
        .contentType(containsString("application/dicom+json"))
        .body("'00081199'.Value", hasSize(count))
        .body("'00081199'.Value[0].'00081190'.Value[0]",
            containsString("/dicom-web/studies/" + study.studyInstanceUid() + "/series/"))
        .body("'00081190'.Value[0]", containsString("/dicom-web/studies/" + study.studyInstanceUid()));

    // QIDO-RS by Patient ID, by Patient's Name (exact, and case-insensitive wildcard)
    String name = study.patientName();
    for (Map<String, String> query :
        List.of(
            Map.of("PatientID", study.patientId()),
            Map.of("PatientName", name),
            Map.of("PatientName", name.substring(0, 3).toLowerCase() + "*"))) {
      given()
          .queryParams(query)
          .when()
          .get(root + "/dicom-web/studies")
          .then()
          .statusCode(200)
          .contentType(containsString("application/dicom+json"))
          .body("'0020000D'.Value.flatten()", hasItem(study.studyInstanceUid()));
    }
    given()
        .queryParam("StudyInstanceUID", study.studyInstanceUid())
        .when()
        .get(root + "/dicom-web/studies")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].'00100010'.Value[0].Alphabetic", equalTo(name))
        .body("[0].'00201208'.Value[0]", equalTo(count))
        .body("[0].'00201206'.Value[0]", equalTo(1))
        .body("[0].'00080061'.Value", hasItem("CT"))
        .body("[0].'00102201'.Value[0]", equalTo(study.species().dicomDescription()))
        .body("[0].'00081190'.Value[0]", containsString("/dicom-web/studies/" + study.studyInstanceUid()));

    // WADO-RS: the same bytes back
    Response retrieved =
        given()
            .accept("multipart/related; type=\"application/dicom\"")
            .when()
            .get(root + "/dicom-web/studies/" + study.studyInstanceUid());
    retrieved.then().statusCode(200).contentType(containsString("multipart/related"));
    List<byte[]> parts = Dicom.parts(retrieved.asByteArray(), retrieved.getContentType());
    assertEquals(count, parts.size());
    Map<String, byte[]> originals = new HashMap<>();
    for (GeneratedInstance instance : study.instances()) {
      originals.put(Arrays.toString(sha(Files.readAllBytes(instance.file()))), Files.readAllBytes(instance.file()));
    }
    for (byte[] part : parts) {
      byte[] original = originals.get(Arrays.toString(sha(part)));
      assertTrue(original != null, "a retrieved instance is not byte-identical to any sent one");
      assertArrayEquals(original, part);
    }
  }

  @Test
  void stowOfBodyThatIsNotDicomAnswers409WithC000AndKeepsNothing() throws IOException {
    int before = countStudies();
    byte[] notDicom = "this is a text file, not a DICOM instance".repeat(10).getBytes(StandardCharsets.UTF_8);
    Response response = stow("/dicom-web/studies", Dicom.multipartOfBytes(List.of(notDicom)));
    response.then()
        .statusCode(409)
        .header("Warning", containsString("DICM"))
        .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC000));
    assertEquals(before, countStudies());
  }

  @Test
  void stowOfTruncatedInstanceAnswers409WithC000() throws IOException {
    GeneratedStudy study = generate(1002, StudyKind.DR_THORAX);
    byte[] whole = Files.readAllBytes(study.instances().get(0).file());
    byte[] truncated = Arrays.copyOf(whole, whole.length - 200);
    stow("/dicom-web/studies", Dicom.multipartOfBytes(List.of(truncated)))
        .then()
        .statusCode(409)
        .header("Warning", containsString("Truncated"))
        .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC000));
    given().queryParam("StudyInstanceUID", study.studyInstanceUid())
        .when().get(root + "/dicom-web/studies")
        .then().statusCode(200).body("$", hasSize(0));
  }

  @Test
  void stowToOtherStudyUrlAnswers409WithA900() throws IOException {
    GeneratedStudy study = generate(1003, StudyKind.DENTAL);
    stow("/dicom-web/studies/1.2.826.0.1.3680043.10.999.1", Dicom.multipart(files(study).subList(0, 1)))
        .then()
        .statusCode(409)
        .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xA900))
        .body("'00081198'.Value[0].'00081155'.Value[0]",
            equalTo(study.instances().get(0).sopInstanceUid()));
  }

  @Test
  void stowWithSomeBadPartsAnswers202AndStoresTheGoodOnes() throws IOException {
    GeneratedStudy study = generate(1004, StudyKind.DENTAL);
    byte[] good = Files.readAllBytes(study.instances().get(0).file());
    byte[] bad = "not dicom".repeat(40).getBytes(StandardCharsets.UTF_8);
    stow("/dicom-web/studies", Dicom.multipartOfBytes(List.of(good, bad)))
        .then()
        .statusCode(202)
        .body("'00081199'.Value", hasSize(1))
        .body("'00081198'.Value", hasSize(1));
  }

  @Test
  void resendingIdenticalInstanceSucceedsButDifferentBytesAreRefusedWith0111() throws IOException {
    GeneratedStudy study = generate(1005, StudyKind.CT);
    byte[] original = Files.readAllBytes(study.instances().get(0).file());
    stow("/dicom-web/studies", Dicom.multipartOfBytes(List.of(original))).then().statusCode(200);
    stow("/dicom-web/studies", Dicom.multipartOfBytes(List.of(original))).then().statusCode(200);

    // Same SOP Instance UID, other pixel values: keep the first copy
    byte[] altered = original.clone();
    altered[altered.length - 1] ^= 0x7F;
    stow("/dicom-web/studies", Dicom.multipartOfBytes(List.of(altered)))
        .then()
        .statusCode(409)
        .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0x0111));
    Response retrieved =
        given().when().get(root + "/dicom-web/studies/" + study.studyInstanceUid());
    List<byte[]> parts = Dicom.parts(retrieved.asByteArray(), retrieved.getContentType());
    assertEquals(1, parts.size());
    assertArrayEquals(original, parts.get(0));
  }

  @Test
  void stowRejectsBodiesThatAreNotMultipartDicom() throws IOException {
    given().contentType("application/json").body("{}")
        .when().post(root + "/dicom-web/studies")
        .then().statusCode(415).contentType(containsString("application/problem+json"));
    given().contentType("multipart/related; type=\"application/dicom\"")
        .body("--x\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII))
        .when().post(root + "/dicom-web/studies")
        .then().statusCode(400).body("detail", containsString("boundary"));
    given().contentType(Dicom.STOW_CONTENT_TYPE)
        .body(("--" + Dicom.BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\nabc")
            .getBytes(StandardCharsets.US_ASCII))
        .when().post(root + "/dicom-web/studies")
        .then().statusCode(409); // the one part breaks off: nothing stored
  }

  @Test
  void qidoAnswers400ForUnknownKeysAndBadValues() {
    given().queryParam("NoSuchAttribute", "x").when().get(root + "/dicom-web/studies")
        .then().statusCode(400).body("detail", containsString("NoSuchAttribute"));
    given().queryParam("StudyDate", "2024-01-01").when().get(root + "/dicom-web/studies")
        .then().statusCode(400);
    given().queryParam("limit", "-1").when().get(root + "/dicom-web/studies")
        .then().statusCode(400);
  }

  @Test
  void qidoLimitAndOffsetPageWithWarningWhenTruncated() throws IOException {
    GeneratedStudy a = generate(1006, StudyKind.DENTAL);
    GeneratedStudy b = generate(1007, StudyKind.DENTAL);
    stow("/dicom-web/studies", Dicom.multipart(files(a).subList(0, 1))).then().statusCode(200);
    stow("/dicom-web/studies", Dicom.multipart(files(b).subList(0, 1))).then().statusCode(200);
    Response first = given().queryParam("limit", 1).when().get(root + "/dicom-web/studies");
    first.then().statusCode(200).body("$", hasSize(1)).header("Warning", containsString("additional results"));
    Response second =
        given().queryParam("limit", 1).queryParam("offset", 1).when().get(root + "/dicom-web/studies");
    second.then().statusCode(200).body("$", hasSize(1));
    assertNotEquals(
        first.jsonPath().getString("[0].'0020000D'.Value[0]"),
        second.jsonPath().getString("[0].'0020000D'.Value[0]"));
  }

  @Test
  void wadoAnswers404ForUnknownStudy400ForBadUidAnd406ForTranscoding() throws IOException {
    given().when().get(root + "/dicom-web/studies/1.2.826.0.1.3680043.10.999.2")
        .then().statusCode(404).contentType(containsString("application/problem+json"));
    given().when().get(root + "/dicom-web/studies/not-a-uid")
        .then().statusCode(400);
    GeneratedStudy study = generate(1008, StudyKind.DENTAL);
    stow("/dicom-web/studies", Dicom.multipart(files(study).subList(0, 1))).then().statusCode(200);
    given()
        .accept("multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.50")
        .when().get(root + "/dicom-web/studies/" + study.studyInstanceUid())
        .then().statusCode(406);
    given()
        .accept("multipart/related; type=\"application/dicom\"; transfer-syntax=*")
        .when().get(root + "/dicom-web/studies/" + study.studyInstanceUid())
        .then().statusCode(200);
  }

  @Test
  void echoscuGetsSuccessfulCEcho() throws Exception {
    Dcmtk.Result echo = Dcmtk.run("echoscu", "-aec", "VETPACS", "127.0.0.1", Dcmtk.dicomPort());
    assertEquals(0, echo.exitCode(), "echoscu failed: " + echo.output());
  }




  private static byte[] sha(byte[] data) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
