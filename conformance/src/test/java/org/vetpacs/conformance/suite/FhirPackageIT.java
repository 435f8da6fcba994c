package org.vetpacs.conformance.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

/**
 * The FHIR package the server publishes ({@code /api/conformance/fhir/package.tgz}) is a FHIR NPM
 * package for R4, and every profile in it is the one the FHIR server itself serves and validates
 * with ({@code /fhir/StructureDefinition/{id}}), with a readable page.
 */
class FhirPackageIT {

  @Test
  void thePublishedPackageHoldsTheProfilesTheServerServes() throws Exception {
    byte[] tgz = given().when().get(Target.url() + "/api/conformance/fhir/package.tgz")
        .then().statusCode(200).contentType(startsWith("application/gzip"))
        .extract().asByteArray();
    Map<String, String> files = new TreeMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(tgz)))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        files.put(e.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertTrue(files.get("package/package.json").contains("\"fhirVersions\": [\"4.0.1\"]"));
    assertTrue(files.containsKey("package/.index.json"));
    int profiles = 0;
    for (Map.Entry<String, String> file : files.entrySet()) {
      if (!file.getKey().startsWith("package/StructureDefinition-")) {
        continue;
      }
      StructureDefinition sd = (StructureDefinition) Profiles.parse(file.getValue());
      String id = sd.getIdElement().getIdPart();
      given().accept("application/fhir+json")
          .when().get(Target.url() + "/fhir/StructureDefinition/" + id)
          .then().statusCode(200).body("url", equalTo(sd.getUrl()));
      given().when().get(Target.url() + "/api/conformance/fhir/profiles/" + id)
          .then().statusCode(200).contentType(startsWith("text/markdown"))
          .body(containsString(sd.getUrl()));
      profiles++;
    }
    assertTrue(profiles >= 4, "the package holds the profiles: " + files.keySet());
  }
}
