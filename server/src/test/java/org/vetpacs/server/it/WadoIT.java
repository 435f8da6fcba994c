package org.vetpacs.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
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

/** WADO-RS and WADO-URI over HTTP on the real WAR, with data stored first through STOW-RS. */
@ExtendWith(ArquillianExtension.class)
class WadoIT {

  private static final String DICOM_MULTIPART = "multipart/related; type=\"application/dicom\"";
  private static final String EVRLE = "1.2.840.10008.1.2.1";

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

  private GeneratedStudy stored(long seed, StudyKind kind) throws IOException {
    GeneratedStudy study =
        new StudyGenerator(seed).generate(kind, Files.createTempDirectory(work, "wado-"), GeneratorOptions.small());
    List<Path> files = study.instances().stream().map(GeneratedInstance::file).toList();
    stow(Dicom.multipart(files));
    return study;
  }

  private void stow(byte[] body) {
    given().contentType(Dicom.STOW_CONTENT_TYPE).body(body)
        .when().post(root + "/dicom-web/studies").then().statusCode(200);
  }

  private static String instancePath(GeneratedStudy study, GeneratedInstance instance) {
    return "/dicom-web/studies/" + study.studyInstanceUid() + "/series/"
        + instance.seriesInstanceUid() + "/instances/" + instance.sopInstanceUid();
  }

  private static AttributeList parse(byte[] bytes) throws Exception {
    AttributeList list = new AttributeList();
    try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes))) {
      list.read(in);
    }
    return list;
  }

  private static byte[] pixelBytes(byte[] dicom) throws Exception {
    Attribute pixels = parse(dicom).get(TagFromName.PixelData);
    return pixels instanceof com.pixelmed.dicom.OtherWordAttribute
        ? pixels.getByteValues(false) : pixels.getByteValues();
  }

  @Test
  void seriesAndInstanceRetrieveGiveTheStoredBytes() throws Exception {
    GeneratedStudy ct = stored(2001, StudyKind.CT);
    GeneratedInstance first = ct.instances().get(0);
    Response series = given().accept(DICOM_MULTIPART).when()
        .get(root + "/dicom-web/studies/" + ct.studyInstanceUid() + "/series/" + first.seriesInstanceUid());
    series.then().statusCode(200).contentType(containsString("multipart/related"));
    byte[] seriesBody = series.asByteArray();
    // issue #8: as-stored parts have known sizes, so the body has a Content-Length, not chunks
    assertEquals(String.valueOf(seriesBody.length), series.getHeader("Content-Length"));
    List<byte[]> parts = Dicom.parts(seriesBody, series.getContentType());
    assertEquals(5, parts.size());
    for (GeneratedInstance instance : ct.instances()) {
      byte[] original = Files.readAllBytes(instance.file());
      assertTrue(parts.stream().anyMatch(p -> Arrays.equals(p, original)), "series part missing");
      Response one = given().accept(DICOM_MULTIPART).when().get(root + instancePath(ct, instance));
      List<byte[]> single = Dicom.parts(one.asByteArray(), one.getContentType());
      assertEquals(1, single.size());
      assertArrayEquals(original, single.get(0));
    }
    // a bare application/dicom for one instance
    Response bare = given().accept("application/dicom").when().get(root + instancePath(ct, first));
    bare.then().statusCode(200).contentType(containsString("application/dicom"));
    assertArrayEquals(Files.readAllBytes(first.file()), bare.asByteArray());
    assertEquals(String.valueOf(Files.size(first.file())), bare.getHeader("Content-Length"));
    Response study = given().accept(DICOM_MULTIPART).when()
        .get(root + "/dicom-web/studies/" + ct.studyInstanceUid());
    byte[] studyBody = study.asByteArray();
    assertEquals(String.valueOf(studyBody.length), study.getHeader("Content-Length"));
    assertEquals(ct.instances().size(), Dicom.parts(studyBody, study.getContentType()).size());
  }

  @Test
  void implicitLittleEndianInstanceIsTranscodedToExplicitWithTheSamePixelData() throws Exception {
    GeneratedStudy ct = new StudyGenerator(2002).generate(StudyKind.CT,
        Files.createTempDirectory(work, "wado-"), GeneratorOptions.small());
    GeneratedInstance instance = ct.instances().get(0);
    AttributeList list = parse(Files.readAllBytes(instance.file()));
    list.removeMetaInformationHeaderAttributes();
    FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ImplicitVRLittleEndian, "TEST");
    Path implicit = work.resolve("implicit-" + instance.sopInstanceUid() + ".dcm");
    list.write(implicit.toFile(), TransferSyntax.ImplicitVRLittleEndian, true, true);
    stow(Dicom.multipart(List.of(implicit)));

    for (String accept : List.of(DICOM_MULTIPART + "; transfer-syntax=" + EVRLE, DICOM_MULTIPART)) {
      Response r = given().accept(accept).when().get(root + instancePath(ct, instance));
      r.then().statusCode(200);
      byte[] body = r.asByteArray();
      String length = r.getHeader("Content-Length"); // transcoded: not known before it is sent
      assertTrue(length == null || length.equals(String.valueOf(body.length)), length);
      byte[] part = Dicom.parts(body, r.getContentType()).get(0);
      AttributeList transcoded = parse(part);
      assertEquals(EVRLE, Attribute.getSingleStringValueOrEmptyString(transcoded, TagFromName.TransferSyntaxUID));
      assertArrayEquals(pixelBytes(Files.readAllBytes(instance.file())), pixelBytes(part));
    }
  }

  @Test
  void metadataHasTheAttributesAndAWorkingPixelDataBulkDataUri() throws Exception {
    GeneratedStudy dr = stored(2003, StudyKind.DR_THORAX);
    GeneratedInstance first = dr.instances().get(0);
    String seriesPath = "/dicom-web/studies/" + dr.studyInstanceUid() + "/series/" + first.seriesInstanceUid();
    given().when().get(root + "/dicom-web/studies/" + dr.studyInstanceUid() + "/metadata")
        .then().statusCode(200).contentType(containsString("application/dicom+json"))
        .body("size()", equalTo(dr.instances().size()));
    given().when().get(root + seriesPath + "/metadata")
        .then().statusCode(200).body("size()", equalTo(dr.instances().size()));
    Response metadata = given().accept("application/dicom+json").when()
        .get(root + instancePath(dr, first) + "/metadata");
    metadata.then().statusCode(200)
        .body("[0].'00080018'.Value[0]", equalTo(first.sopInstanceUid()))
        .body("[0].'00100010'.Value[0].Alphabetic", equalTo(dr.patientName()))
        .body("[0].'00280010'.Value[0]", equalTo(64))
        .body("[0].'7FE00010'.vr", equalTo("OW"));
    String uri = metadata.jsonPath().getString("[0].'7FE00010'.BulkDataURI");
    assertTrue(uri.endsWith(instancePath(dr, first) + "/bulkdata/7FE00010"), uri);
    Response bulk = given().accept("multipart/related; type=\"application/octet-stream\"")
        .when().get(uri.replaceFirst("^https?://[^/]+", root));
    bulk.then().statusCode(200).contentType(containsString("application/octet-stream"));
    List<byte[]> parts = Dicom.parts(bulk.asByteArray(), bulk.getContentType());
    assertEquals(1, parts.size());
    assertArrayEquals(pixelBytes(Files.readAllBytes(first.file())), parts.get(0));
  }

  @Test
  void framesOneAndThreeOfTheCineAreTheRawFrames() throws Exception {
    GeneratedStudy us = stored(2004, StudyKind.US_CINE);
    GeneratedInstance cine = us.instances().get(0);
    byte[] pixels = pixelBytes(Files.readAllBytes(cine.file()));
    int frame = 64 * 64 * 3;
    Response r = given().accept("multipart/related; type=\"application/octet-stream\"")
        .when().get(root + instancePath(us, cine) + "/frames/1,3");
    r.then().statusCode(200);
    List<byte[]> parts = Dicom.parts(r.asByteArray(), r.getContentType());
    assertEquals(2, parts.size());
    assertArrayEquals(Arrays.copyOfRange(pixels, 0, frame), parts.get(0));
    assertArrayEquals(Arrays.copyOfRange(pixels, 2 * frame, 3 * frame), parts.get(1));
    // PS3.18 leaves 400 or 404 for a frame the instance lacks: 400
    given().when().get(root + instancePath(us, cine) + "/frames/4")
        .then().statusCode(400).contentType(containsString("application/problem+json"));
    // a colour frame renders too
    Response rendered = given().when().get(root + instancePath(us, cine) + "/frames/2/rendered");
    rendered.then().statusCode(200).contentType("image/jpeg");
    assertEquals(64, ImageIO.read(new ByteArrayInputStream(rendered.asByteArray())).getWidth());
  }

  @Test
  void renderedJpegHasTheImageSizeViewportResizesAndThumbnailsAreSmall() throws Exception {
    GeneratedStudy dr = stored(2005, StudyKind.DR_THORAX);
    GeneratedInstance first = dr.instances().get(0);
    Response rendered = given().when().get(root + instancePath(dr, first) + "/rendered");
    rendered.then().statusCode(200).contentType("image/jpeg");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendered.asByteArray()));
    assertEquals(64, image.getWidth());
    assertEquals(64, image.getHeight());

    Response small = given().queryParam("viewport", "32,32").queryParam("window", "2048,4096,linear")
        .queryParam("quality", "80").when().get(root + instancePath(dr, first) + "/rendered");
    small.then().statusCode(200);
    assertEquals(32, ImageIO.read(new ByteArrayInputStream(small.asByteArray())).getWidth());

    Response png = given().accept("image/png").when().get(root + instancePath(dr, first) + "/rendered");
    png.then().statusCode(200).contentType("image/png");

    for (String path : List.of(instancePath(dr, first) + "/thumbnail",
        "/dicom-web/studies/" + dr.studyInstanceUid() + "/series/" + first.seriesInstanceUid() + "/thumbnail",
        "/dicom-web/studies/" + dr.studyInstanceUid() + "/thumbnail")) {
      Response thumbnail = given().queryParam("viewport", "16,16").when().get(root + path);
      thumbnail.then().statusCode(200).contentType("image/jpeg");
      assertTrue(thumbnail.asByteArray().length < rendered.asByteArray().length, path);
      assertEquals(16, ImageIO.read(new ByteArrayInputStream(thumbnail.asByteArray())).getWidth());
    }
    given().queryParam("viewport", "0,10").when().get(root + instancePath(dr, first) + "/rendered")
        .then().statusCode(400);
    given().queryParam("window", "40").when().get(root + instancePath(dr, first) + "/rendered")
        .then().statusCode(400);
  }

  @Test
  void wadoUriReturnsTheDicomBytesAndAJpeg() throws Exception {
    GeneratedStudy dental = stored(2006, StudyKind.DENTAL);
    GeneratedInstance first = dental.instances().get(0);
    Response dicom = given()
        .queryParam("requestType", "WADO").queryParam("studyUID", dental.studyInstanceUid())
        .queryParam("seriesUID", first.seriesInstanceUid()).queryParam("objectUID", first.sopInstanceUid())
        .queryParam("contentType", "application/dicom")
        .when().get(root + "/wado");
    dicom.then().statusCode(200).contentType(containsString("application/dicom"));
    assertArrayEquals(Files.readAllBytes(first.file()), dicom.asByteArray());

    Response jpeg = given()
        .queryParam("requestType", "WADO").queryParam("studyUID", dental.studyInstanceUid())
        .queryParam("seriesUID", first.seriesInstanceUid()).queryParam("objectUID", first.sopInstanceUid())
        .queryParam("rows", "32").queryParam("windowCenter", "2048").queryParam("windowWidth", "4096")
        .when().get(root + "/wado");
    jpeg.then().statusCode(200).contentType("image/jpeg");
    assertEquals(32, ImageIO.read(new ByteArrayInputStream(jpeg.asByteArray())).getHeight());

    given().queryParam("studyUID", dental.studyInstanceUid()).when().get(root + "/wado")
        .then().statusCode(400).body("detail", containsString("requestType"));
    given().queryParam("requestType", "WADO").queryParam("studyUID", dental.studyInstanceUid())
        .queryParam("seriesUID", first.seriesInstanceUid()).when().get(root + "/wado")
        .then().statusCode(400).body("detail", containsString("objectUID"));
    given().queryParam("requestType", "WADO").queryParam("studyUID", dental.studyInstanceUid())
        .queryParam("seriesUID", first.seriesInstanceUid()).queryParam("objectUID", "1.2.3.999")
        .when().get(root + "/wado").then().statusCode(404);
    given().queryParam("requestType", "WADO").queryParam("studyUID", dental.studyInstanceUid())
        .queryParam("seriesUID", first.seriesInstanceUid()).queryParam("objectUID", first.sopInstanceUid())
        .queryParam("contentType", "application/dicom").queryParam("rows", "10")
        .when().get(root + "/wado").then().statusCode(400);
  }

  @Test
  void errorsAre400ForBadUids404ForUnknownAnd406ForWhatCannotBeMade() throws Exception {
    GeneratedStudy ct = stored(2007, StudyKind.CT);
    GeneratedInstance first = ct.instances().get(0);
    given().when().get(root + "/dicom-web/studies/" + ct.studyInstanceUid() + "/series/not-a-uid")
        .then().statusCode(400).contentType(containsString("application/problem+json"));
    given().when().get(root + "/dicom-web/studies/" + ct.studyInstanceUid() + "/series/1.2.3.404")
        .then().statusCode(404).contentType(containsString("application/problem+json"));
    given().when().get(root + "/dicom-web/studies/" + ct.studyInstanceUid() + "/series/"
            + first.seriesInstanceUid() + "/instances/1.2.3.404/metadata")
        .then().statusCode(404);
    given().accept(DICOM_MULTIPART + "; transfer-syntax=1.2.840.10008.1.2.4.90")
        .when().get(root + instancePath(ct, first))
        .then().statusCode(406).body("detail", containsString("1.2.840.10008.1.2.4.90"));
    given().accept("multipart/related; type=\"image/jpeg\"")
        .when().get(root + instancePath(ct, first) + "/frames/1")
        .then().statusCode(406);
    given().accept("image/jp2").when().get(root + instancePath(ct, first) + "/rendered")
        .then().statusCode(406);
    given().when().get(root + instancePath(ct, first) + "/bulkdata/00091010")
        .then().statusCode(404);
  }
}
