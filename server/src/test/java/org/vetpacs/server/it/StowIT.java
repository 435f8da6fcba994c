package org.vetpacs.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

/** STOW-RS response forms, SOP Class checks and concurrent stores (PS3.18 10.5). */
@ExtendWith(ArquillianExtension.class)
class StowIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.vetpacsWar();
  }

  @ArquillianResource URL deployed;

  private String root;
  private Path work;

  @BeforeEach
  void setUp() throws Exception {
    root = Deployments.serverRoot(deployed);
    work = Files.createDirectories(Path.of(System.getProperty("vetpacs.it.work", "target/it-work")));
  }

  private GeneratedStudy generate(long seed, StudyKind kind) throws Exception {
    return new StudyGenerator(seed).generate(kind, Files.createTempDirectory(work, "stow-"),
        GeneratorOptions.small());
  }

  /** A small CT study of {@code slices} slices. */
  private GeneratedStudy generateCt(long seed, int slices) throws Exception {
    return new StudyGenerator(seed).generate(StudyKind.CT, Files.createTempDirectory(work, "stow-"),
        new GeneratorOptions(true, slices));
  }

  /** Re-encodes a file after {@code change} edits its data set. */
  private static byte[] rewrite(Path file, java.util.function.Consumer<AttributeList> change)
      throws Exception {
    AttributeList list = new AttributeList();
    list.read(file.toFile());
    change.accept(list);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    list.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
    return out.toByteArray();
  }

  private static void set(AttributeList list, com.pixelmed.dicom.AttributeTag tag, String value) {
    try {
      Attribute a = list.get(tag);
      a.removeValues();
      a.addValue(value);
    } catch (com.pixelmed.dicom.DicomException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void storeResponseIsXmlWhenTheClientAcceptsOnlyXml() throws Exception {
    GeneratedStudy study = generate(3001, StudyKind.DENTAL);
    given()
        .contentType(Dicom.STOW_CONTENT_TYPE)
        .accept("application/dicom+xml")
        .body(Dicom.multipart(List.of(study.instances().get(0).file())))
        .when().post(root + "/dicom-web/studies")
        .then()
        .statusCode(200)
        .contentType(containsString("application/dicom+xml"))
        .body(containsString("<NativeDicomModel"))
        .body(containsString("keyword=\"ReferencedSOPSequence\""))
        .body(containsString(study.instances().get(0).sopInstanceUid()));
  }

  @Test
  void nonStorageSopClassIsRefusedWith0122() throws Exception {
    GeneratedStudy study = generate(3002, StudyKind.DENTAL);
    byte[] notStorage = rewrite(study.instances().get(0).file(), list -> {
      set(list, TagFromName.SOPClassUID, "1.2.840.10008.1.1"); // Verification: not storage
      try {
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "IT");
      } catch (com.pixelmed.dicom.DicomException e) {
        throw new IllegalStateException(e);
      }
    });
    given()
        .contentType(Dicom.STOW_CONTENT_TYPE)
        .body(Dicom.multipartOfBytes(List.of(notStorage)))
        .when().post(root + "/dicom-web/studies")
        .then()
        .statusCode(409)
        .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0x0122));
  }

  @Test
  void metaInformationNamingAnotherSopClassIsRefusedWithA900() throws Exception {
    GeneratedStudy study = generate(3003, StudyKind.DENTAL);
    byte[] mismatch = rewrite(study.instances().get(0).file(),
        list -> set(list, TagFromName.MediaStorageSOPClassUID, "1.2.840.10008.5.1.4.1.1.2"));
    given()
        .contentType(Dicom.STOW_CONTENT_TYPE)
        .body(Dicom.multipartOfBytes(List.of(mismatch)))
        .when().post(root + "/dicom-web/studies")
        .then()
        .statusCode(409)
        .header("Warning", containsString("(0002,0002)"))
        .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xA900));
  }

  @Test
  void concurrentStoresOfOneStudyFromFourClientsIndexEachInstanceOnce() throws Exception {
    GeneratedStudy study = generateCt(3004, 12);
    List<Path> files = study.instances().stream().map(GeneratedInstance::file).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<io.restassured.response.Response>> statuses = new ArrayList<>();
    for (int client = 0; client < 4; client++) {
      List<Path> mine = new ArrayList<>(files); // every client sends every instance, in its own order
      Collections.shuffle(mine, new java.util.Random(client));
      statuses.add(pool.submit(() -> given()
          .contentType(Dicom.STOW_CONTENT_TYPE)
          .body(Dicom.multipart(mine))
          .when().post(root + "/dicom-web/studies" + "/" + study.studyInstanceUid())));
    }
    for (Future<io.restassured.response.Response> status : statuses) {
      io.restassured.response.Response response = status.get(120, TimeUnit.SECONDS);
      assertEquals(200, response.statusCode(),
          response.headers().getValues("Warning") + " " + response.asString());
    }
    pool.shutdown();
    given().queryParam("StudyInstanceUID", study.studyInstanceUid())
        .when().get(root + "/dicom-web/studies")
        .then().statusCode(200)
        .body("[0].'00201208'.Value[0]", equalTo(files.size()))
        .body("[0].'00201206'.Value[0]", equalTo(1));
    given().when().get(root + "/dicom-web/studies/" + study.studyInstanceUid() + "/instances")
        .then().statusCode(200).body("$", hasSize(files.size()));
  }

  /** Sum of {@code vetpacs_ingest_stage_seconds_count} of one stage at /metrics (0 if absent). */
  private double stageCount(String stage) {
    String text = given().accept("text/plain").queryParam("scope", "application")
        .when().get(root + "/metrics").then().extract().asString();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "^vetpacs_ingest_stage_seconds_count\\{[^}]*stage=\"" + stage + "\"[^}]*\\} (\\S+)$",
        java.util.regex.Pattern.MULTILINE).matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void eachStoredInstanceIsTimedInEveryIngestStageAtMetrics() throws Exception {
    GeneratedStudy study = generateCt(3005, 4);
    List<Path> files = study.instances().stream().map(GeneratedInstance::file).toList();
    // the first store creates the timers, so read the counts after one store
    given().contentType(Dicom.STOW_CONTENT_TYPE).body(Dicom.multipart(files.subList(0, 1)))
        .when().post(root + "/dicom-web/studies").then().statusCode(200);
    List<String> stages = List.of("receive", "parse", "coerce", "reserve", "blob", "count", "mark");
    java.util.Map<String, Double> before = new java.util.HashMap<>();
    for (String stage : stages) {
      before.put(stage, stageCount(stage));
      org.junit.jupiter.api.Assertions.assertTrue(before.get(stage) >= 1, stage);
    }
    List<Path> rest = files.subList(1, files.size());
    given().contentType(Dicom.STOW_CONTENT_TYPE).body(Dicom.multipart(rest))
        .when().post(root + "/dicom-web/studies").then().statusCode(200);
    for (String stage : stages) {
      // the tests of a class run one after the other: nothing else stores meanwhile
      assertEquals(before.get(stage) + rest.size(), stageCount(stage), 0.0, stage);
    }
  }
}
