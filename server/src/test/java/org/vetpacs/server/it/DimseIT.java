package org.vetpacs.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.restassured.response.Response;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetpacs.dicomweb.dicom.DicomParseException;
import org.vetpacs.dicomweb.dicom.FileMeta;
import org.vetpacs.testdata.GeneratedInstance;
import org.vetpacs.testdata.GeneratedStudy;
import org.vetpacs.testdata.GeneratorOptions;
import org.vetpacs.testdata.StudyGenerator;
import org.vetpacs.testdata.StudyKind;

/**
 * The DIMSE face through dcmtk, the independent peer: C-ECHO, C-STORE into the archive (then seen
 * by QIDO-RS and WADO-RS), failure statuses, C-MOVE to dcmtk's storescp, C-GET, the calling-AE
 * allow-list, and the AE configuration at {@code /api/dicom/aes}.
 *
 * <p>The server runs with the allow-list on and the known AEs set in the failsafe configuration
 * (server/pom.xml). dcmtk's storescu re-encodes what it sends (explicit sequence lengths), so a
 * C-STORE is compared with what storescu puts on the wire, captured by {@code storescp +B}
 * (bit-preserving) on port 11314; C-MOVE and C-GET, fed by byte-exact STOW-RS, are compared with
 * the generated files. Files are compared on their data set: each writer puts its own File Meta
 * Information in front.
 */
@ExtendWith(ArquillianExtension.class)
class DimseIT {

  /** The move destination, known to the server as STORESCP@127.0.0.1:11311. */
  private static final int STORESCP_PORT = 11311;

  /** A second storescp capturing storescu's wire bytes. */
  private static final int REFERENCE_PORT = 11314;

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

  @Test
  void echoscuGetsSuccess() throws Exception {
    Dcmtk.Result echo = Dcmtk.run("echoscu", "-aec", "VETPACS", "127.0.0.1", Dcmtk.dicomPort());
    assertEquals(0, echo.exitCode(), echo.output());
  }

  @Test
  void unknownCallingAeIsRejectedWithCallingAeTitleNotRecognized() throws Exception {
    Dcmtk.Result echo =
        Dcmtk.run("echoscu", "-aet", "INTRUDER", "-aec", "VETPACS", "127.0.0.1", Dcmtk.dicomPort());
    assertNotEquals(0, echo.exitCode(), echo.output());
    assertTrue(echo.output().contains("Rejected Permanent"), echo.output());
    assertTrue(echo.output().contains("Calling AE Title Not Recognized"), echo.output());
  }

  @Test
  void wrongCalledAeIsRejectedWithCalledAeTitleNotRecognized() throws Exception {
    Dcmtk.Result echo = Dcmtk.run("echoscu", "-aec", "NOTVETPACS", "127.0.0.1", Dcmtk.dicomPort());
    assertNotEquals(0, echo.exitCode(), echo.output());
    assertTrue(echo.output().contains("Called AE Title Not Recognized"), echo.output());
  }

  @Test
  void storescuOfMultiModalitySetIsIndexedAndWadoReturnsTheBytesSent() throws Exception {
    List<GeneratedStudy> studies = new ArrayList<>();
    long seed = 3001;
    for (StudyKind kind : List.of(StudyKind.CT, StudyKind.DR_THORAX, StudyKind.DENTAL, StudyKind.US_CINE)) {
      studies.add(generate(seed++, kind));
    }
    List<String> files = new ArrayList<>();
    for (GeneratedStudy study : studies) {
      study.instances().forEach(i -> files.add(i.file().toString()));
    }
    Map<String, byte[]> wire = wireDataSets(List.of(), files);

    Dcmtk.Result store = Dcmtk.run(concat(List.of("storescu", "-aec", "VETPACS", "127.0.0.1", Dcmtk.dicomPort()), files));
    assertEquals(0, store.exitCode(), store.output());

    for (GeneratedStudy study : studies) {
      given()
          .queryParam("StudyInstanceUID", study.studyInstanceUid())
          .when()
          .get(root + "/dicom-web/studies")
          .then()
          .statusCode(200)
          .body("$", hasSize(1))
          .body("[0].'00201208'.Value[0]", equalTo(study.instances().size()))
          .body("[0].'00080061'.Value", hasItem(study.modality()));
      List<byte[]> parts = wado(study.studyInstanceUid());
      assertEquals(study.instances().size(), parts.size());
      for (byte[] part : parts) {
        FileMeta meta = meta(part);
        byte[] sent = wire.get(meta.sopInstanceUid());
        assertNotNull(sent, "WADO-RS returned an instance that was not sent: " + meta.sopInstanceUid());
        assertArrayEquals(sent, dataSet(part), "data set of " + meta.sopInstanceUid());
        String text = new String(part, 0, (int) meta.dataSetOffset(), StandardCharsets.US_ASCII);
        assertTrue(text.contains("STORESCU"), "Source AE title in the File Meta Information");
      }
    }
  }

  @Test
  void jpegLosslessInstanceIsStoredInItsTransferSyntax() throws Exception {
    GeneratedStudy study = generate(3011, StudyKind.DENTAL);
    Path original = study.instances().get(0).file();
    Path jpeg = work.resolve("jpeg-" + study.instances().get(0).sopInstanceUid() + ".dcm");
    Dcmtk.Result compress = Dcmtk.run("dcmcjpeg", "+e1", original.toString(), jpeg.toString());
    assertEquals(0, compress.exitCode(), compress.output());
    // -xs: storescu proposes JPEG Lossless SV1 (it proposes uncompressed syntaxes only by default)
    Map<String, byte[]> wire = wireDataSets(List.of("-xs"), List.of(jpeg.toString()));
    Dcmtk.Result store =
        Dcmtk.run("storescu", "-xs", "-aec", "VETPACS", "127.0.0.1", Dcmtk.dicomPort(), jpeg.toString());
    assertEquals(0, store.exitCode(), store.output());
    byte[] part = wado(study.studyInstanceUid()).get(0);
    assertEquals("1.2.840.10008.1.2.4.70", meta(part).transferSyntaxUid());
    assertArrayEquals(wire.get(study.instances().get(0).sopInstanceUid()), dataSet(part));
  }

  @Test
  void storescuOfGarbledInstanceGetsFailureStatusAndNothingIsIndexed() throws Exception {
    GeneratedStudy study = generate(3021, StudyKind.DR_THORAX);
    AttributeList list = new AttributeList();
    list.read(study.instances().get(0).file().toFile());
    list.replaceWithValueIfPresent(TagFromName.SeriesInstanceUID, "not.a.uid");
    Path garbled = work.resolve("garbled-" + study.studyInstanceUid() + ".dcm");
    list.write(garbled.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);

    Dcmtk.Result store =
        Dcmtk.run("storescu", "-v", "-aec", "VETPACS", "127.0.0.1", Dcmtk.dicomPort(), garbled.toString());
    assertTrue(store.output().contains("Error: CannotUnderstand"), store.output()); // C000H
    given()
        .queryParam("StudyInstanceUID", study.studyInstanceUid())
        .when()
        .get(root + "/dicom-web/studies")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
  }

  @Test
  void movescuSendsTheStudyToStorescpByteForByte() throws Exception {
    GeneratedStudy study = generate(3031, StudyKind.DENTAL);
    stow(study);
    Path received = Files.createDirectories(work.resolve("moved-" + study.studyInstanceUid()));
    Process storescp =
        startStorescp("STORESCP", STORESCP_PORT, received);
    try {
      Dcmtk.Result move =
          Dcmtk.run("movescu", "-S", "-aec", "VETPACS", "-aem", "STORESCP",
              "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study.studyInstanceUid(),
              "127.0.0.1", Dcmtk.dicomPort());
      assertEquals(0, move.exitCode(), move.output());
    } finally {
      stop(storescp);
    }
    assertSameDataSets(study, received);
  }

  @Test
  void movescuToUnknownDestinationIsRefusedWithA801() throws Exception {
    GeneratedStudy study = generate(3041, StudyKind.DENTAL);
    stow(study);
    Dcmtk.Result move =
        Dcmtk.run("movescu", "-S", "-aec", "VETPACS", "-aem", "NOWHERE",
            "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study.studyInstanceUid(),
            "127.0.0.1", Dcmtk.dicomPort());
    assertTrue(move.output().contains("MoveDestinationUnknown"), move.output()); // A801H
  }

  @Test
  void getscuRetrievesTheStudyByteForByte() throws Exception {
    GeneratedStudy study = generate(3051, StudyKind.DR_THORAX);
    stow(study);
    Path received = Files.createDirectories(work.resolve("got-" + study.studyInstanceUid()));
    Dcmtk.Result get =
        Dcmtk.run("getscu", "+B", "-S", "-aec", "VETPACS", "-od", received.toString(),
            "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study.studyInstanceUid(),
            "127.0.0.1", Dcmtk.dicomPort());
    assertEquals(0, get.exitCode(), get.output());
    assertSameDataSets(study, received);
  }

  @Test
  void aeConfigurationIsPublishedAtApiDicomAes() {
    given()
        .when()
        .get(root + "/api/dicom/aes")
        .then()
        .statusCode(200)
        .body("aeTitle", equalTo("VETPACS"))
        .body("port", equalTo(Integer.parseInt(Dcmtk.dicomPort())))
        .body("acceptUnknownAes", equalTo(false))
        .body("knownAes.aeTitle", hasItem("STORESCP"))
        .body("knownAes.find { it.aeTitle == 'STORESCP' }.port", equalTo(STORESCP_PORT))
        .body("knownAes.find { it.aeTitle == 'STORESCP' }.host", equalTo("127.0.0.1"));
  }

  // --- helpers ---

  private GeneratedStudy generate(long seed, StudyKind kind) throws IOException {
    Path dir = Files.createTempDirectory(work, "dimse-study-");
    return new StudyGenerator(seed).generate(kind, dir, GeneratorOptions.small());
  }

  private void stow(GeneratedStudy study) throws IOException {
    List<Path> files = study.instances().stream().map(GeneratedInstance::file).toList();
    given()
        .contentType(Dicom.STOW_CONTENT_TYPE)
        .accept("application/dicom+json")
        .body(Dicom.multipart(files))
        .when()
        .post(root + "/dicom-web/studies")
        .then()
        .statusCode(200);
  }

  /** The study as stored: transfer-syntax=* (PS3.18 8.7.3.5.2), byte for byte. */
  private List<byte[]> wado(String studyUid) throws IOException {
    Response retrieved =
        given()
            .accept("multipart/related; type=\"application/dicom\"; transfer-syntax=*")
            .when()
            .get(root + "/dicom-web/studies/" + studyUid);
    retrieved.then().statusCode(200);
    return Dicom.parts(retrieved.asByteArray(), retrieved.getContentType());
  }

  /** What storescu puts on the wire for {@code files}, by SOP Instance UID. */
  private Map<String, byte[]> wireDataSets(List<String> options, List<String> files)
      throws Exception {
    Path reference = Files.createTempDirectory(work, "wire-");
    Process storescp = startStorescp("ANY-SCP", REFERENCE_PORT, reference);
    try {
      List<String> command = new ArrayList<>(List.of("storescu"));
      command.addAll(options);
      command.addAll(List.of("127.0.0.1", "" + REFERENCE_PORT));
      Dcmtk.Result sent = Dcmtk.run(concat(command, files));
      assertEquals(0, sent.exitCode(), sent.output());
    } finally {
      stop(storescp);
    }
    Map<String, byte[]> bySop = new HashMap<>();
    try (Stream<Path> list = Files.list(reference)) {
      for (Path file : list.toList()) {
        byte[] bytes = Files.readAllBytes(file);
        bySop.put(meta(bytes).sopInstanceUid(), dataSet(bytes));
      }
    }
    return bySop;
  }

  private static void assertSameDataSets(GeneratedStudy study, Path folder) throws Exception {
    Map<String, byte[]> originals = new HashMap<>();
    for (GeneratedInstance instance : study.instances()) {
      originals.put(instance.sopInstanceUid(), dataSet(Files.readAllBytes(instance.file())));
    }
    List<Path> received;
    try (Stream<Path> list = Files.list(folder)) {
      received = list.toList();
    }
    assertEquals(originals.size(), received.size(), "instances received in " + folder);
    for (Path file : received) {
      byte[] bytes = Files.readAllBytes(file);
      String sop = meta(bytes).sopInstanceUid();
      assertNotNull(originals.get(sop), "unexpected instance " + sop);
      assertArrayEquals(originals.get(sop), dataSet(bytes), "data set of " + sop);
    }
  }

  private static FileMeta meta(byte[] part10) throws IOException, DicomParseException {
    try (InputStream in = new BufferedInputStream(new ByteArrayInputStream(part10))) {
      return FileMeta.read(in);
    }
  }

  /** The bytes after the File Meta Information (group 0002). */
  private static byte[] dataSet(byte[] part10) throws IOException, DicomParseException {
    return Arrays.copyOfRange(part10, (int) meta(part10).dataSetOffset(), part10.length);
  }

  /** dcmtk's storescp, bit-preserving, accepting every transfer syntax it knows (+xa). */
  private static Process startStorescp(String aeTitle, int port, Path outputDir) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            "storescp", "+B", "+xa", "-aet", aeTitle, "-od", outputDir.toString(), "" + port);
    builder.redirectErrorStream(true);
    builder.redirectOutput(work().resolve("storescp-" + port + ".log").toFile());
    builder.environment().put("TCP_NODELAY", "1");
    Process process = builder.start();
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return process;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    process.destroyForcibly();
    throw new AssertionError("storescp did not start on port " + port);
  }

  private static Path work() throws IOException {
    return Files.createDirectories(Path.of(System.getProperty("vetpacs.it.work", "target/it-work")));
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** Runs findscu with {@code -X} and reads the answers it extracted, in order. */
  private List<com.pixelmed.dicom.AttributeList> findscu(String... arguments) throws Exception {
    Path out = Files.createTempDirectory(work, "findscu-");
    List<String> command = new ArrayList<>(List.of("findscu", "-aec", "VETPACS", "-X", "-od",
        out.toString()));
    command.addAll(List.of(arguments));
    command.addAll(List.of("127.0.0.1", Dcmtk.dicomPort()));
    Dcmtk.Result result = Dcmtk.run(command.toArray(String[]::new));
    assertEquals(0, result.exitCode(), result.output());
    List<com.pixelmed.dicom.AttributeList> answers = new ArrayList<>();
    try (var files = Files.list(out)) {
      for (Path file : files.sorted().toList()) {
        com.pixelmed.dicom.AttributeList list = new com.pixelmed.dicom.AttributeList();
        list.read(file.toFile());
        answers.add(list);
      }
    }
    return answers;
  }

  private static String text(com.pixelmed.dicom.AttributeList list, String keyword) {
    com.pixelmed.dicom.AttributeTag tag = com.pixelmed.dicom.AttributeList.getDictionary()
        .getTagFromName(keyword);
    return com.pixelmed.dicom.Attribute.getDelimitedStringValuesOrEmptyString(list, tag).trim();
  }

  @Test
  void findscuStudyRootAtStudySeriesAndImageLevelAnswersFromTheIndex() throws Exception {
    GeneratedStudy study = generate(5101, StudyKind.CT);
    stow(study);
    List<com.pixelmed.dicom.AttributeList> studies = findscu("-S",
        "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=" + study.patientId(),
        "-k", "StudyInstanceUID", "-k", "PatientName", "-k", "NumberOfStudyRelatedInstances",
        "-k", "PatientSpeciesDescription", "-k", "ModalitiesInStudy");
    assertEquals(1, studies.size());
    assertEquals(study.studyInstanceUid(), text(studies.get(0), "StudyInstanceUID"));
    assertEquals(study.patientName(), text(studies.get(0), "PatientName"));
    assertEquals(Integer.toString(study.instances().size()),
        text(studies.get(0), "NumberOfStudyRelatedInstances"));
    assertEquals(study.species().dicomDescription(), text(studies.get(0), "PatientSpeciesDescription"));
    assertEquals("CT", text(studies.get(0), "ModalitiesInStudy"));
    assertEquals("", text(studies.get(0), "StudyDescription"), "only the keys asked are returned");

    List<com.pixelmed.dicom.AttributeList> series = findscu("-S",
        "-k", "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + study.studyInstanceUid(),
        "-k", "SeriesInstanceUID", "-k", "Modality", "-k", "NumberOfSeriesRelatedInstances");
    assertEquals(1, series.size());
    assertEquals("CT", text(series.get(0), "Modality"));

    List<com.pixelmed.dicom.AttributeList> images = findscu("-S",
        "-k", "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + study.studyInstanceUid(),
        "-k", "SeriesInstanceUID=" + study.instances().get(0).seriesInstanceUid(),
        "-k", "SOPInstanceUID", "-k", "InstanceNumber");
    assertEquals(study.instances().size(), images.size());
  }

  @Test
  void findscuPatientRootAtPatientLevelMatchesWildcardNamesWithoutRegardToCase() throws Exception {
    GeneratedStudy study = generate(5102, StudyKind.DENTAL);
    stow(study);
    String pattern = study.patientName().substring(0, 3).toLowerCase() + "*";
    List<com.pixelmed.dicom.AttributeList> patients = findscu("-P",
        "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientName=" + pattern,
        "-k", "PatientID=" + study.patientId(), "-k", "NumberOfPatientRelatedStudies");
    assertEquals(1, patients.size());
    assertEquals("1", text(patients.get(0), "NumberOfPatientRelatedStudies"));
  }

  @Test
  void findscuWithoutQueryRetrieveLevelIsRefusedWithA900() throws Exception {
    Dcmtk.Result result = Dcmtk.run("findscu", "-v", "-S", "-aec", "VETPACS", "-k", "PatientID=X",
        "127.0.0.1", Dcmtk.dicomPort());
    String output = result.output().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
    // dcmtk names A900H by its C-STORE meaning, "Data Set Does Not Match SOP Class"
    assertTrue(output.contains("error:datasetdoesnotmatchsopclass") || output.contains("a900"),
        result.output());
  }

  @Test
  void modalityWorklistFindReturnsTheScheduledStepWithTheAnimal() throws Exception {
    String patientId = "MWL" + Long.toString(System.nanoTime(), 36).toUpperCase();
    String created = given().contentType("application/json")
        .body("{\"PatientName\":\"BAILEY^SMITH\",\"PatientID\":\"" + patientId + "\","
            + "\"PatientSex\":\"MN\",\"PatientSpeciesDescription\":\"dog\","
            + "\"PatientBreedDescription\":\"Beagle\",\"ResponsiblePerson\":\"SMITH^JANE\","
            + "\"Modality\":\"DX\",\"ScheduledStationAETitle\":\"DR1\","
            + "\"ScheduledProcedureStepStartDate\":\"20261125\","
            + "\"ScheduledProcedureStepStartTime\":\"103000\","
            + "\"RequestedProcedureDescription\":\"Thorax, 2 views\"}")
        .when().post(root + "/api/worklist")
        .then().statusCode(201).extract().path("AccessionNumber");
    List<com.pixelmed.dicom.AttributeList> items = findscu("-W",
        "-k", "PatientID=" + patientId, "-k", "PatientName", "-k", "AccessionNumber",
        "-k", "PatientSpeciesDescription", "-k", "PatientBreedDescription", "-k", "StudyInstanceUID",
        "-k", "ScheduledProcedureStepSequence[0].Modality=DX",
        "-k", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle",
        "-k", "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=20261125");
    assertEquals(1, items.size());
    com.pixelmed.dicom.AttributeList item = items.get(0);
    assertEquals(created, text(item, "AccessionNumber"));
    assertEquals("BAILEY^SMITH", text(item, "PatientName"));
    assertEquals("Canine", text(item, "PatientSpeciesDescription"));
    assertEquals("Beagle", text(item, "PatientBreedDescription"));
    com.pixelmed.dicom.AttributeList step = com.pixelmed.dicom.SequenceAttribute
        .getAttributeListFromWithinSequenceWithSingleItem(item,
            new com.pixelmed.dicom.AttributeTag(0x0040, 0x0100));
    assertEquals("DR1", text(step, "ScheduledStationAETitle"));
    assertEquals("DX", text(step, "Modality"));

    assertEquals(0, findscu("-W", "-k", "PatientID=" + patientId,
        "-k", "ScheduledProcedureStepSequence[0].Modality=CT").size());
  }


  private static String[] concat(List<String> head, List<String> tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(tail);
    return all.toArray(String[]::new);
  }


}
