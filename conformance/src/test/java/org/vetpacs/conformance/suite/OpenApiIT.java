package org.vetpacs.conformance.suite;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vetpacs.conformance.OpenApiDocument;

/**
 * The OpenAPI document the server serves at {@code /openapi} (MicroProfile OpenAPI) is the one
 * published in this module, from which the client of this suite is generated. With {@code
 * -Dvetpacs.conformance.update=true} and {@code -Dvetpacs.conformance.openapi.file=...} (set by the
 * server's build) it rewrites the published copy instead.
 */
class OpenApiIT {

  static final String UPDATE_HINT =
      "If the change is intended, update the published documents with one command:\n"
          + "  ./vetpacs update-conformance\n"
          + "(= mvn -B verify -pl server -am -Dvetpacs.conformance.update=true"
          + " -Dit.test=ConformanceSuiteIT -Dtest=DicomConformanceStatementTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false) and commit the result.";

  @Test
  void servedDocumentIsThePublishedOne() throws Exception {
    String served =
        OpenApiDocument.canonical(
            given()
                .accept("application/json")
                .when()
                .get(Target.url() + "/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    String file = System.getProperty("vetpacs.conformance.openapi.file", "");
    if (Boolean.getBoolean("vetpacs.conformance.update") && !file.isBlank()) {
      Files.writeString(Path.of(file), served, StandardCharsets.UTF_8);
      return;
    }
    String published = OpenApiDocument.published();
    if (!published.equals(served)) {
      fail(
          "The server's /openapi differs from conformance/src/main/resources/openapi.json:\n"
              + TextDiff.firstDifference(published, served)
              + "\n"
              + UPDATE_HINT);
    }
  }
}
