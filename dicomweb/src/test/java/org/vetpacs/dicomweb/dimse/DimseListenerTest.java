package org.vetpacs.dicomweb.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vetpacs.dicomweb.config.KnownAe;
import org.vetpacs.dicomweb.dicom.DicomFileInspector;
import org.vetpacs.dicomweb.dicom.DicomParseException;
import org.vetpacs.dicomweb.dicom.FileMeta;
import org.vetpacs.dicomweb.dicom.FileMetaWriter;
import org.vetpacs.dicomweb.dicom.InstanceHeader;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.ingest.DicomStatus;
import org.vetpacs.dicomweb.ingest.StoreOutcome;
import org.vetpacs.dicomweb.ingest.StoreService;
import org.vetpacs.dicomweb.storage.BlobStore;
import org.vetpacs.dicomweb.storage.InstanceKey;
import org.vetpacs.testdata.GeneratedInstance;
import org.vetpacs.testdata.GeneratedStudy;
import org.vetpacs.testdata.GeneratorOptions;
import org.vetpacs.testdata.StudyGenerator;
import org.vetpacs.testdata.StudyKind;

/**
 * The DIMSE listener without a container: in-memory fakes of the ingest pipeline and the index,
 * dcmtk as the independent peer (skipped where dcmtk is not installed; ./vetpacs test installs
 * it). Ports: listener 11302, storescp 11312.
 */
class DimseListenerTest {

  private static final int PORT = 11302;
  private static final int STORESCP_PORT = 11312;
  private static final int REFERENCE_PORT = 11313;

  @TempDir static Path dir;
  private static DimseListener listener;
  private static final Map<String, Path> stored = new ConcurrentHashMap<>();
  private static GeneratedStudy study;

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/echoscu")), "dcmtk is not installed");
    study =
        new StudyGenerator(4242)
            .generate(StudyKind.DENTAL, Files.createDirectories(dir.resolve("study")),
                GeneratorOptions.small());
    listener =
        DimseListener.start(
            new DimseSettings(
                "VETPACS",
                PORT,
                false,
                KnownAe.parseList("ECHOSCU,STORESCU,MOVESCU,GETSCU,STORESCP@127.0.0.1:" + STORESCP_PORT),
                4),
            new FakeStore(),
            new FakeIndex(),
            new PathBlobStore(),
            null, // C-FIND is exercised by DimseIT against the real query engine
            null);
  }

  @AfterAll
  static void stop() {
    if (listener != null) {
      listener.stop();
    }
  }

  @Test
  void echoFromKnownAeSucceeds() throws Exception {
    assertEquals(0, run("echoscu", "-aec", "VETPACS", "127.0.0.1", "" + PORT).exit);
  }

  @Test
  void unknownCallingAeIsRejectedWithCallingAeNotRecognized() throws Exception {
    Result echo = run("echoscu", "-aet", "INTRUDER", "-aec", "VETPACS", "127.0.0.1", "" + PORT);
    assertNotEquals(0, echo.exit);
    assertTrue(echo.output.contains("Calling AE Title Not Recognized"), echo.output);
  }

  @Test
  void wrongCalledAeIsRejectedWithCalledAeNotRecognized() throws Exception {
    Result echo = run("echoscu", "-aec", "OTHER", "127.0.0.1", "" + PORT);
    assertNotEquals(0, echo.exit);
    assertTrue(echo.output.contains("Called AE Title Not Recognized"), echo.output);
  }

  @Test
  void storeKeepsTheDataSetByteForByteBehindOurMetaHeader() throws Exception {
    GeneratedInstance instance = study.instances().get(0);
    // storescu re-encodes (explicit sequence lengths): what it puts on the wire is the reference,
    // as dcmtk's storescp writes it in bit-preserving mode
    Path reference = Files.createDirectories(dir.resolve("reference"));
    Process storescp = new ProcessBuilder("storescp", "+B", "-od", reference.toString(),
        "" + REFERENCE_PORT).redirectErrorStream(true).start();
    try {
      Thread.sleep(300);
      assertEquals(0, run("storescu", "127.0.0.1", "" + REFERENCE_PORT,
          instance.file().toString()).exit);
    } finally {
      storescp.destroy();
    }
    Result store = run("storescu", "-aec", "VETPACS", "127.0.0.1", "" + PORT,
        instance.file().toString());
    assertEquals(0, store.exit, store.output);
    Path received = stored.get(instance.sopInstanceUid());
    Path wire;
    try (Stream<Path> s = Files.list(reference)) {
      wire = s.findFirst().orElseThrow();
    }
    assertArrayEquals(dataSet(wire), dataSet(received));
    try (InputStream in = new BufferedInputStream(Files.newInputStream(received))) {
      FileMeta meta = FileMeta.read(in);
      assertEquals(instance.sopInstanceUid(), meta.sopInstanceUid());
      assertEquals(instance.sopClassUid(), meta.sopClassUid());
    }
    String text = new String(Files.readAllBytes(received), 0, 400, StandardCharsets.US_ASCII);
    assertTrue(text.contains(FileMetaWriter.IMPLEMENTATION_CLASS_UID));
    assertTrue(text.contains("STORESCU"));
  }

  @Test
  void storeOfGarbledInstanceAnswersC000() throws Exception {
    GeneratedInstance instance = study.instances().get(1);
    AttributeList list = new AttributeList();
    list.read(instance.file().toFile());
    list.replaceWithValueIfPresent(TagFromName.StudyInstanceUID, "not.a.uid");
    Path garbled = dir.resolve("garbled.dcm");
    list.write(garbled.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
    Result store = run("storescu", "-v", "-aec", "VETPACS", "127.0.0.1", "" + PORT,
        garbled.toString());
    assertTrue(store.output.contains("Error: CannotUnderstand"), store.output);
    assertTrue(!stored.containsKey(instance.sopInstanceUid()));
  }

  @Test
  void getAndMoveSendTheStoredDataSets() throws Exception {
    for (GeneratedInstance instance : study.instances()) {
      assertEquals(0, run("storescu", "-aec", "VETPACS", "127.0.0.1", "" + PORT,
          instance.file().toString()).exit);
    }
    Path got = Files.createDirectories(dir.resolve("got"));
    Result get = run("getscu", "+B", "-S", "-aec", "VETPACS", "-od", got.toString(),
        "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study.studyInstanceUid(),
        "127.0.0.1", "" + PORT);
    assertEquals(0, get.exit, get.output);
    assertSameDataSetsAsStored(got);

    Path moved = Files.createDirectories(dir.resolve("moved"));
    Process storescp = new ProcessBuilder("storescp", "+B", "-aet", "STORESCP", "-od", moved.toString(),
        "" + STORESCP_PORT).redirectErrorStream(true).start();
    try {
      Thread.sleep(300);
      Result move = run("movescu", "-S", "-aec", "VETPACS", "-aem", "STORESCP",
          "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study.studyInstanceUid(),
          "127.0.0.1", "" + PORT);
      assertEquals(0, move.exit, move.output);
      assertSameDataSetsAsStored(moved);
      Result unknown = run("movescu", "-S", "-aec", "VETPACS", "-aem", "NOWHERE",
          "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study.studyInstanceUid(),
          "127.0.0.1", "" + PORT);
      assertTrue(unknown.output.contains("MoveDestinationUnknown"), unknown.output);
    } finally {
      storescp.destroy();
    }
  }

  private void assertSameDataSetsAsStored(Path folder) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.toList();
    }
    assertEquals(study.instances().size(), files.size());
    List<String> expected = new ArrayList<>();
    for (GeneratedInstance instance : study.instances()) {
      expected.add(Arrays.toString(dataSet(stored.get(instance.sopInstanceUid()))));
    }
    for (Path file : files) {
      assertTrue(expected.contains(Arrays.toString(dataSet(file))), "data set differs: " + file);
    }
  }

  private static byte[] dataSet(Path file) throws IOException, DicomParseException {
    byte[] all = Files.readAllBytes(file);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      long offset = FileMeta.read(in).dataSetOffset();
      return Arrays.copyOfRange(all, (int) offset, all.length);
    }
  }

  private record Result(int exit, String output) {}

  private static Result run(String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("TCP_NODELAY", "1");
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  /** Keeps what passes inspection; the pipeline's rules are tested elsewhere. */
  static final class FakeStore extends StoreService {
    @Override
    public Path newTempFile() throws IOException {
      return Files.createTempFile(dir, "in-", ".part");
    }

    @Override
    public StoreOutcome storeReceivedFile(Path tempFile, String sha256, String source) {
      try {
        InstanceHeader header = DicomFileInspector.inspect(tempFile);
        new InstanceKey(header.studyInstanceUid(), header.seriesInstanceUid(),
            header.sopInstanceUid()); // UID syntax, as the real pipeline checks it
        Path kept = dir.resolve(header.sopInstanceUid() + ".dcm");
        Files.move(tempFile, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        stored.put(header.sopInstanceUid(), kept);
        return new StoreOutcome(DicomStatus.SUCCESS, header.sopClassUid(), header.sopInstanceUid(),
            header.studyInstanceUid(), header.seriesInstanceUid(), "Stored");
      } catch (DicomParseException | IOException | IllegalArgumentException e) {
        return new StoreOutcome(DicomStatus.CANNOT_UNDERSTAND, "", "", "", "", e.getMessage());
      }
    }
  }

  /** Answers unique-key lookups from what {@link FakeStore} kept. */
  static final class FakeIndex extends IndexRepository {
    @Override
    public List<InstanceRecord> storedInstancesWhere(InstanceKeyField key, Collection<String> values) {
      List<InstanceRecord> found = new ArrayList<>();
      for (Path file : stored.values()) {
        try {
          InstanceHeader h = DicomFileInspector.inspect(file);
          String value = switch (key) {
            case STUDY_INSTANCE_UID -> h.studyInstanceUid();
            case SERIES_INSTANCE_UID -> h.seriesInstanceUid();
            case SOP_INSTANCE_UID -> h.sopInstanceUid();
          };
          if (values.contains(value)) {
            InstanceRecord r = new InstanceRecord();
            r.setSopInstanceUid(h.sopInstanceUid());
            r.setStudyInstanceUid(h.studyInstanceUid());
            r.setSeriesInstanceUid(h.seriesInstanceUid());
            r.setSopClassUid(h.sopClassUid());
            r.setTransferSyntaxUid(h.transferSyntaxUid());
            r.setBlobKey(file.toString());
            found.add(r);
          }
        } catch (DicomParseException | IOException e) {
          throw new IllegalStateException(e);
        }
      }
      return found;
    }
  }

  /** Blob keys are file paths. */
  static final class PathBlobStore implements BlobStore {
    @Override public Path newTempFile() { throw new UnsupportedOperationException(); }
    @Override public String commit(Path tempFile, InstanceKey key) { throw new UnsupportedOperationException(); }
    @Override public String keyOf(InstanceKey key) { throw new UnsupportedOperationException(); }
    @Override public InputStream open(String blobKey) throws IOException { return Files.newInputStream(Path.of(blobKey)); }
    @Override public long size(String blobKey) throws IOException { return Files.size(Path.of(blobKey)); }
    @Override public void delete(String blobKey) {}
    @Override public void discard(Path tempFile) {}
    @Override public long usableSpace() { return Long.MAX_VALUE; }
    @Override public boolean isWritable() { return true; }
  }
}
