package org.vetpacs.conformance.suite;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vetpacs.testdata.GeneratedStudy;
import org.vetpacs.testdata.GeneratorOptions;
import org.vetpacs.testdata.StudyGenerator;
import org.vetpacs.testdata.StudyKind;

/** Generates a study with {@code test-data} and stores it with STOW-RS (PS3.18 10.5). */
final class Stow {

  static final String BOUNDARY = "vetpacs-conformance-7c1e";

  private Stow() {}

  /**
   * A generated small study, stored; the server must answer 200.
   *
   * @param seed the generator seed (a fixed one per test: the same study every run)
   * @param kind the kind of study
   * @return the study as generated
   */
  static GeneratedStudy storedStudy(long seed, StudyKind kind) throws IOException {
    GeneratedStudy study =
        new StudyGenerator(seed)
            .generate(kind, Files.createTempDirectory("vetpacs-conformance-"), GeneratorOptions.small());
    given()
        .contentType("multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY)
        .accept("application/dicom+json")
        .body(multipart(study.instances().get(0).file()))
        .when()
        .post(Target.url() + "/dicom-web/studies")
        .then()
        .statusCode(200);
    return study;
  }

  static byte[] multipart(Path file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.write(Files.readAllBytes(file));
    out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** Whether {@code needle} occurs in {@code haystack}. */
  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
