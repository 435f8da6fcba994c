package org.vetpacs.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.TagFromName;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/** QIDO-RS at every level of PS3.18 Table 10.6.1-1, through HTTP on the real WAR. */
@ExtendWith(ArquillianExtension.class)
class QidoIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.vetpacsWar();
  }

  @ArquillianResource URL deployed;

  private String root;
  private static GeneratedStudy ct;
  private static GeneratedStudy dental;

  @BeforeEach
  void storeTwoStudiesOnce() throws IOException {
    root = Deployments.serverRoot(deployed);
    if (ct != null) {
      return;
    }
    Path work =
        Files.createDirectories(Path.of(System.getProperty("vetpacs.it.work", "target/it-work")));
    ct = new StudyGenerator(2001).generate(StudyKind.CT, Files.createTempDirectory(work, "qido-"),
        GeneratorOptions.small());
    dental = new StudyGenerator(2002).generate(StudyKind.DENTAL,
        Files.createTempDirectory(work, "qido-"), GeneratorOptions.small());
    for (GeneratedStudy study : List.of(ct, dental)) {
      given()
          .contentType(Dicom.STOW_CONTENT_TYPE)
          .body(Dicom.multipart(study.instances().stream().map(GeneratedInstance::file).toList()))
          .when()
          .post(root + "/dicom-web/studies")
          .then()
          .statusCode(200);
    }
  }

  private String dicomweb(String path) {
    return root + "/dicom-web" + path;
  }

  @Test
  void seriesOfStudyListsItsSeriesWithCounts() {
    given().when().get(dicomweb("/studies/" + ct.studyInstanceUid() + "/series"))
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].'00080060'.Value[0]", equalTo("CT"))
        .body("[0].'0020000E'.Value[0]", equalTo(ct.instances().get(0).seriesInstanceUid()))
        .body("[0].'00201209'.Value[0]", equalTo(ct.instances().size()))
        .body("[0].'00081190'.Value[0]", containsString("/series/" + ct.instances().get(0).seriesInstanceUid()));
  }

  @Test
  void allSeriesMatchesOnModalityAndStudyAttributesAndCarriesStudyAttributes() {
    given().queryParam("Modality", "IO").queryParam("PatientID", dental.patientId())
        .when().get(dicomweb("/series"))
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].'0020000D'.Value[0]", equalTo(dental.studyInstanceUid()))
        .body("[0].'00100020'.Value[0]", equalTo(dental.patientId()));
    given().queryParam("Modality", "MR").queryParam("PatientID", dental.patientId())
        .when().get(dicomweb("/series")).then().statusCode(200).body("$", hasSize(0));
  }

  @Test
  void instancesOfSeriesAreOrderedByInstanceNumberWithImageAttributes() {
    String series = ct.instances().get(0).seriesInstanceUid();
    Response response =
        given().when().get(dicomweb("/studies/" + ct.studyInstanceUid() + "/series/" + series + "/instances"));
    response.then()
        .statusCode(200)
        .body("$", hasSize(ct.instances().size()))
        .body("'00080016'.Value.flatten()", everyItem(equalTo("1.2.840.10008.5.1.4.1.1.2")))
        .body("'00280010'.Value.flatten()", everyItem(equalTo(64)))
        .body("[0].'00081190'.Value[0]", containsString("/instances/"));
    List<Integer> numbers = response.jsonPath().getList("'00200013'.Value.flatten()", Integer.class);
    assertEquals(ct.instances().size(), numbers.size(), "an Instance Number per instance");
    for (int i = 1; i < numbers.size(); i++) {
      assertTrue(numbers.get(i - 1) <= numbers.get(i), "instances not ordered: " + numbers);
    }
  }

  @Test
  void instancesOfStudyAndAllInstancesMatchOnSopInstanceUid() {
    GeneratedInstance one = dental.instances().get(1);
    given().when().get(dicomweb("/studies/" + dental.studyInstanceUid() + "/instances"))
        .then().statusCode(200).body("$", hasSize(dental.instances().size()));
    given().queryParam("SOPInstanceUID", one.sopInstanceUid())
        .when().get(dicomweb("/instances"))
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].'0020000E'.Value[0]", equalTo(one.seriesInstanceUid()))
        .body("[0].'00100010'.Value[0].Alphabetic", equalTo(dental.patientName()));
  }

  @Test
  void fuzzyMatchingFindsTheAnimalByAnyWordOfItsNameInAnyCase() {
    String[] words = ct.patientName().split("\\^");
    String query = words[1].toLowerCase() + " " + words[0].substring(0, 3).toLowerCase();
    given().queryParam("PatientName", query).queryParam("fuzzymatching", "true")
        .when().get(dicomweb("/studies"))
        .then().statusCode(200).body("'0020000D'.Value.flatten()", hasItem(ct.studyInstanceUid()));
    // without fuzzy matching, the same words do not match the whole name
    given().queryParam("PatientName", query)
        .when().get(dicomweb("/studies"))
        .then().statusCode(200).body("'0020000D'.Value.flatten()", not(hasItem(ct.studyInstanceUid())));
  }

  @Test
  void studyDateRangeAndSpeciesMatch() {
    String date = given().queryParam("StudyInstanceUID", ct.studyInstanceUid())
        .when().get(dicomweb("/studies")).jsonPath().getString("[0].'00080020'.Value[0]");
    given().queryParam("StudyDate", date + "-").queryParam("StudyInstanceUID", ct.studyInstanceUid())
        .when().get(dicomweb("/studies")).then().statusCode(200).body("$", hasSize(1));
    given().queryParam("StudyDate", "-19991231").queryParam("StudyInstanceUID", ct.studyInstanceUid())
        .when().get(dicomweb("/studies")).then().statusCode(200).body("$", hasSize(0));
    given().queryParam("PatientSpeciesDescription", ct.species().dicomDescription().toLowerCase())
        .queryParam("StudyInstanceUID", ct.studyInstanceUid())
        .when().get(dicomweb("/studies")).then().statusCode(200).body("$", hasSize(1));
  }

  @Test
  void includefieldReturnsAttributesFromTheStoredHeader() {
    given().queryParam("StudyInstanceUID", ct.studyInstanceUid())
        .queryParam("includefield", "PatientSexNeutered,00101010")
        .when().get(dicomweb("/studies"))
        .then().statusCode(200).body("[0].'00102203'.Value[0]", notNullValue());
    Response all = given().queryParam("includefield", "all")
        .when().get(dicomweb("/studies/" + ct.studyInstanceUid() + "/instances"));
    all.then().statusCode(200).body("[0].'00180050'", notNullValue()); // Slice Thickness
    given().queryParam("includefield", "NoSuchKeyword")
        .when().get(dicomweb("/studies")).then().statusCode(400);
  }

  @Test
  void unsupportedButValidKeysAreIgnoredWithAWarning() {
    given().queryParam("StudyInstanceUID", ct.studyInstanceUid())
        .queryParam("OperatorsName", "X")
        .when().get(dicomweb("/studies"))
        .then().statusCode(200).body("$", hasSize(1))
        .header("Warning", containsString("OperatorsName"));
  }

  @Test
  void xmlIsServedAsMultipartNativeDicomModel() throws IOException {
    Response response = given()
        .accept("multipart/related; type=\"application/dicom+xml\"")
        .queryParam("StudyInstanceUID", ct.studyInstanceUid())
        .when().get(dicomweb("/studies"));
    response.then().statusCode(200).contentType(containsString("application/dicom+xml"));
    List<byte[]> parts = Dicom.parts(response.asByteArray(), response.getContentType());
    assertEquals(1, parts.size());
    String xml = new String(parts.get(0), StandardCharsets.UTF_8);
    assertTrue(xml.contains("<NativeDicomModel"), xml);
    assertTrue(xml.contains("tag=\"0020000D\" keyword=\"StudyInstanceUID\" vr=\"UI\"><Value number=\"1\">"
        + ct.studyInstanceUid()), xml);
    assertTrue(xml.contains("<PersonName number=\"1\"><Alphabetic><FamilyName>"), xml);
    given().accept("text/html").when().get(dicomweb("/studies")).then().statusCode(406);
  }

  /**
   * PS3.4 C.2.2.2.4 wildcards on PatientName, without regard to case (C.2.2.2.1 allows it for PN),
   * newest first and paged: the index sorts a name prefix by its entries (issue #8).
   */
  @Test
  void patientNameWildcardsMatchWithoutRegardToCaseNewestFirstAndPage() throws Exception {
    String suffix = ItSupport.unique();
    // ASCII only: ItSupport.modify writes the name's UTF-8 bytes under the generated file's
    // SpecificCharacterSet (ISO_IR 100); accents are covered by NameNormalizer's own tests
    List<String> names = List.of("Zebulon^Q" + suffix, "ZEBRA^Q" + suffix, "zebediah^Q" + suffix);
    Path work =
        Files.createDirectories(Path.of(System.getProperty("vetpacs.it.work", "target/it-work")));
    List<String> stored = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      // seeds from the run's suffix: new UIDs every run, as the IT archive may outlive a run
      GeneratedStudy study = new StudyGenerator(Long.parseLong(suffix, 16) * 4 + i).generate(StudyKind.CT,
          Files.createTempDirectory(work, "qido-"), GeneratorOptions.small());
      List<Path> files = ItSupport.modify(study, Map.of(TagFromName.PatientName, names.get(i),
          TagFromName.PatientID, "Q" + suffix + i)); // three animals, not one renamed twice
      given().contentType(Dicom.STOW_CONTENT_TYPE).body(Dicom.multipart(files))
          .when().post(dicomweb("/studies")).then().statusCode(200);
      stored.add(study.studyInstanceUid());
    }
    String tail = "*Q" + suffix;
    List<String> all = studyUids("zeb" + tail, null, null);
    assertEquals(Set.copyOf(stored), Set.copyOf(all), "all of the suffix: " + studyUids(tail, null, null));
    assertEquals(newestFirst(all), all);
    assertEquals(all.subList(1, 2), studyUids("ZEB" + tail, 1, 1));
    assertEquals(all.subList(2, 3), studyUids("zEb" + tail, 1, 2));
    assertEquals(List.of(stored.get(0)), studyUids("ZE?ULON" + tail, null, null));
    assertEquals(List.of(stored.get(1)), studyUids("zebra^q" + suffix, null, null));
    assertEquals(List.of(), studyUids("zeb?^q" + suffix, null, null)); // ? is one character
  }

  private List<String> studyUids(String patientName, Integer limit, Integer offset) {
    var request = given().queryParam("PatientName", patientName);
    if (limit != null) {
      request = request.queryParam("limit", limit).queryParam("offset", offset);
    }
    Response response = request.when().get(dicomweb("/studies"));
    if (response.statusCode() == 204) {
      return List.of();
    }
    assertEquals(200, response.statusCode(), response.asString());
    return response.jsonPath().getList("'0020000D'.Value.flatten()", String.class);
  }

  /** The archive's order: StudyDate then StudyTime, newest first, then StudyInstanceUID. */
  private List<String> newestFirst(List<String> uids) {
    Map<String, String> when = new HashMap<>();
    for (String uid : uids) {
      Response r = given().queryParam("StudyInstanceUID", uid).when().get(dicomweb("/studies"));
      when.put(uid, r.jsonPath().getString("[0].'00080020'.Value[0]") + "/"
          + r.jsonPath().getString("[0].'00080030'.Value[0]"));
    }
    List<String> sorted = new ArrayList<>(uids);
    sorted.sort(Comparator.comparing((String uid) -> when.get(uid)).reversed()
        .thenComparing(Comparator.naturalOrder()));
    return sorted;
  }

  @Test
  void badPathUidIsRejected() {
    given().when().get(dicomweb("/studies/1.2.x/series")).then().statusCode(400);
  }
}
