package org.vetpacs.conformance.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vetpacs.conformance.client.api.DicomApi;
import org.vetpacs.testdata.GeneratedInstance;
import org.vetpacs.testdata.GeneratedStudy;
import org.vetpacs.testdata.StudyKind;

/**
 * The DICOM Conformance Statement the server publishes ({@code GET /api/conformance/dicom}) is
 * true of it: it names the AE the server runs, it lists the SOP Class of a stored instance, and
 * every DICOMweb resource it lists (section 3.5) answers GET for a stored instance.
 */
class DicomConformanceStatementIT {

  private static final Pattern RESOURCE_ROW = Pattern.compile("^\\| `([^`]+)` \\| (\\w+) \\|",
      Pattern.MULTILINE);

  private static String statement;
  private static GeneratedStudy study;

  @BeforeAll
  static void readTheStatementAndStoreAStudy() throws Exception {
    statement = given().when().get(Target.url() + "/api/conformance/dicom")
        .then().statusCode(200).contentType(startsWith("text/markdown")).extract().asString();
    study = Stow.storedStudy(70703, StudyKind.CT);
  }

  @Test
  void theStatementNamesTheApplicationEntityTheServerRuns() throws Exception {
    Map<?, ?> ae = (Map<?, ?>) new DicomApi(Target.client()).dicomGet();
    assertTrue(statement.contains("### 3.2 AE specification: " + ae.get("aeTitle")));
    assertTrue(statement.contains("waits for associations on TCP port " + ae.get("port")));
  }

  @Test
  void theSopClassOfAStoredInstanceIsListed() {
    assertTrue(statement.contains("`" + study.instances().get(0).sopClassUid() + "`"));
  }

  @Test
  void everyListedDicomWebResourceAnswersGet() {
    GeneratedInstance instance = study.instances().get(0);
    Matcher m = RESOURCE_ROW.matcher(statement);
    List<String> checked = new ArrayList<>();
    while (m.find()) {
      String path = m.group(1);
      if (!"GET".equals(m.group(2)) || path.contains("{path}") || path.startsWith("/")) {
        continue; // bulk data URIs come from metadata; other tables list UIDs, not resources
      }
      String url = Target.url() + "/dicom-web/" + path
          .replace("{study}", study.studyInstanceUid())
          .replace("{series}", instance.seriesInstanceUid())
          .replace("{instance}", instance.sopInstanceUid())
          .replace("{frames}", "1")
          .replace("{frame}", "1");
      int status = given().accept("*/*").when().get(url).then().extract().statusCode();
      assertTrue(status == 200 || status == 204, path + " answered " + status);
      checked.add(path);
    }
    assertFalse(checked.isEmpty(), "the statement lists DICOMweb resources");
  }
}
