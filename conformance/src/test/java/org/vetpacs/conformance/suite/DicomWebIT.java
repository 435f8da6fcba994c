package org.vetpacs.conformance.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vetpacs.conformance.client.api.DicomWebApi;
import org.vetpacs.testdata.GeneratedInstance;
import org.vetpacs.testdata.GeneratedStudy;
import org.vetpacs.testdata.StudyKind;

/**
 * The DICOMweb services of the DICOM Conformance Statement (section "DICOMweb services") and of
 * the OpenAPI document, through the generated client where its answer is JSON and REST Assured
 * where it is DICOM or an image: STOW-RS stores, QIDO-RS finds what was stored, WADO-RS returns it
 * byte for byte with its metadata, rendered and thumbnail resources answer JPEG, WADO-URI returns
 * the object; methods not claimed are refused.
 */
class DicomWebIT {

  private static GeneratedStudy study;
  private static GeneratedInstance instance;
  private static DicomWebApi dicomWeb;

  @BeforeAll
  static void storeAGeneratedStudy() throws Exception {
    study = Stow.storedStudy(70701, StudyKind.DR_THORAX);
    instance = study.instances().get(0);
    dicomWeb = new DicomWebApi(Target.client());
  }

  private static String tagValue(Object dataset, String tag) {
    @SuppressWarnings("unchecked")
    Map<String, Object> attribute = (Map<String, Object>) ((Map<String, Object>) dataset).get(tag);
    return attribute == null ? null : String.valueOf(((List<?>) attribute.get("Value")).get(0));
  }

  @Test
  void qidoFindsTheStoredStudySeriesAndInstance() throws Exception {
    List<?> series = (List<?>) dicomWeb.seriesOfStudy(study.studyInstanceUid());
    assertTrue(series.stream().anyMatch(s -> instance.seriesInstanceUid().equals(tagValue(s, "0020000E"))),
        "QIDO-RS series of the study lists the stored series");
    List<?> instances =
        (List<?>) dicomWeb.instancesOfSeries(study.studyInstanceUid(), instance.seriesInstanceUid());
    assertTrue(instances.stream().anyMatch(i -> instance.sopInstanceUid().equals(tagValue(i, "00080018"))),
        "QIDO-RS instances of the series lists the stored instance");
    given().queryParam("StudyInstanceUID", study.studyInstanceUid())
        .when().get(Target.url() + "/dicom-web/studies")
        .then().statusCode(200).contentType(containsString("application/dicom+json"))
        .body("[0].'0020000D'.Value[0]", equalTo(study.studyInstanceUid()));
  }

  @Test
  void wadoReturnsTheInstanceByteForByteAndItsMetadata() throws Exception {
    byte[] body = given().accept("multipart/related; type=\"application/dicom\"")
        .when().get(Target.url() + "/dicom-web/studies/" + study.studyInstanceUid()
            + "/series/" + instance.seriesInstanceUid() + "/instances/" + instance.sopInstanceUid())
        .then().statusCode(200).contentType(startsWith("multipart/related"))
        .extract().asByteArray();
    assertTrue(Stow.contains(body, Files.readAllBytes(instance.file())),
        "WADO-RS answers the stored bytes unchanged");
    List<?> metadata = (List<?>) dicomWeb.studyMetadata(study.studyInstanceUid());
    assertEquals(instance.sopInstanceUid(), tagValue(metadata.get(0), "00080018"));
  }

  @Test
  void renderedAndThumbnailResourcesAnswerJpeg() {
    String base = Target.url() + "/dicom-web/studies/" + study.studyInstanceUid()
        + "/series/" + instance.seriesInstanceUid() + "/instances/" + instance.sopInstanceUid();
    for (String path : List.of("/rendered", "/thumbnail")) {
      byte[] jpeg = given().accept("image/jpeg").when().get(base + path)
          .then().statusCode(200).contentType(startsWith("image/jpeg")).extract().asByteArray();
      assertEquals((byte) 0xFF, jpeg[0], path);
      assertEquals((byte) 0xD8, jpeg[1], path);
    }
  }

  @Test
  void wadoUriReturnsTheObject() throws Exception {
    byte[] body = given()
        .queryParam("requestType", "WADO")
        .queryParam("studyUID", study.studyInstanceUid())
        .queryParam("seriesUID", instance.seriesInstanceUid())
        .queryParam("objectUID", instance.sopInstanceUid())
        .queryParam("contentType", "application/dicom")
        .when().get(Target.url() + "/wado")
        .then().statusCode(200).extract().asByteArray();
    assertTrue(Stow.contains(body, Files.readAllBytes(instance.file())));
  }

  @Test
  void methodsTheServiceDoesNotClaimAreRefused() {
    given().body("x").when().put(Target.url() + "/dicom-web/studies")
        .then().statusCode(405);
    given().when().patch(Target.url() + "/dicom-web/studies/" + study.studyInstanceUid())
        .then().statusCode(405);
    given().when().get(Target.url() + "/dicom-web/no-such-resource")
        .then().statusCode(404);
  }

  @Test
  void unknownStudiesAreNotFound() {
    given().accept("application/dicom+json")
        .when().get(Target.url() + "/dicom-web/studies/1.2.3.999999/metadata")
        .then().statusCode(is(404));
    given().queryParam("StudyInstanceUID", "1.2.3.999999")
        .when().get(Target.url() + "/dicom-web/studies")
        .then().statusCode(anyOf(is(200), is(204)));
  }
}
