package org.vetpacs.testdata.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.vetpacs.testdata.GeneratedInstance;
import org.vetpacs.testdata.GeneratedStudy;
import org.vetpacs.testdata.GeneratorOptions;
import org.vetpacs.testdata.StudyGenerator;
import org.vetpacs.testdata.StudyKind;

/**
 * {@code ./vetpacs bench}: measures ingest, query, retrieve and rendering on VetPACS and, when
 * given, Orthanc, on the same machine and data, and prints one table (medians of several runs).
 *
 * <pre>
 * Benchmark --vetpacs URL [--vetpacs-dicom HOST:PORT:AET] [--vetpacs-pid PID] [--vetpacs-start-ms N]
 *           [--orthanc URL --orthanc-dicom HOST:PORT:AET --orthanc-pid PID --orthanc-start-ms N]
 *           --work DIR [--runs N] [--quick] [--index-size N] [--vetpacs-mongodb URL] [--only GROUP,...]
 *           [--warm-up N]
 * </pre>
 * URLs are DICOMweb roots (e.g. {@code http://127.0.0.1:8080/dicom-web}). {@code --only} runs some
 * groups of figures (for A/B comparisons of one change): {@code ceilings}, {@code stow-ct},
 * {@code stow-dr}, {@code cstore}, {@code qido}, {@code wado}, {@code memory-ingest},
 * {@code memory}.
 *
 * <p>The ceilings (the private method {@code ceilings}) bound the figures of the same run: disk
 * writes with fsync, as a stream and as the server commits blobs, and what the bench's own HTTP
 * client can receive over loopback from a server that does nothing else. Both servers are reached
 * over HTTP/1.1 (see {@link DicomWebClient}).
 *
 * <p>{@code memory-ingest} is the memory target: four ~500 MB studies stored at once, each
 * in one STOW-RS request, while the server's resident memory is sampled (the private method
 * {@code memoryIngest}); without {@code --quick} also by four concurrent storescu associations.
 */
public final class Benchmark {

  private final Map<String, String> options;
  private final Path work;
  private final int runs;
  private final boolean quick;
  private final java.util.Set<String> only;
  private final List<Target> targets = new ArrayList<>();
  private final Map<String, Map<String, String>> table = new LinkedHashMap<>();
  private long seed = 9000;

  /** One server under test. */
  private record Target(String name, DicomWebClient client, String dicom, String pid, String startMs) {}

  private Benchmark(Map<String, String> options) {
    this.options = options;
    this.work = Path.of(options.getOrDefault("work", "target/bench"));
    this.runs = Integer.parseInt(options.getOrDefault("runs", "3"));
    this.quick = options.containsKey("quick");
    this.only = options.containsKey("only")
        ? java.util.Set.of(options.get("only").split(","))
        : java.util.Set.of();
    targets.add(new Target("VetPACS", new DicomWebClient(options.get("vetpacs")),
        options.get("vetpacs-dicom"), options.get("vetpacs-pid"), options.get("vetpacs-start-ms")));
    if (options.containsKey("orthanc")) {
      targets.add(new Target("Orthanc", new DicomWebClient(options.get("orthanc")),
          options.get("orthanc-dicom"), options.get("orthanc-pid"), options.get("orthanc-start-ms")));
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].replaceFirst("^--", "");
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      options.put(name, flag ? "true" : args[++i]);
    }
    if (!options.containsKey("vetpacs")) {
      System.err.println("usage: Benchmark --vetpacs URL [--orthanc URL ...] --work DIR [--runs N] [--quick]");
      System.exit(2);
    }
    int exit = 0;
    try {
      new Benchmark(options).run();
    } catch (Exception e) {
      e.printStackTrace();
      exit = 1;
    }
    System.exit(exit); // exec:java waits for every non-daemon thread of the HTTP clients
  }

  private void run() throws Exception {
    Files.createDirectories(work);
    System.out.printf("VetPACS benchmark: %d run(s) per figure, %s sizes, %d cores%n", runs,
        quick ? "quick" : "full", Runtime.getRuntime().availableProcessors());
    int ctSlices = quick ? 30 : 100;
    if (wanted("ceilings")) {
      ceilings(ctSlices);
    }
    for (Target t : targets) {
      if (!only.isEmpty()) {
        break;
      }
      put("Server start-up (s)", t.name(), t.startMs() == null ? "n/a"
          : String.format(Locale.ROOT, "%.1f", Long.parseLong(t.startMs()) / 1000.0));
    }
    for (Target t : targets) {
      if (wanted("stow-ct") || wanted("stow-dr") || wanted("cstore")) {
        guard(t, "Ingest warm-up", () -> warmUp(t));
      }
      for (int conc : new int[] {1, 4}) {
        int c = conc;
        if (wanted("stow-ct")) {
          guard(t, "STOW-RS CT, c=" + c, () -> stow(t, "STOW-RS CT 512x512, c=" + c, StudyKind.CT,
              new GeneratorOptions(false, ctSlices), c));
        }
        if (wanted("stow-dr")) {
          guard(t, "STOW-RS DR, c=" + c, () -> stow(t, "STOW-RS DR ~15 MB, c=" + c,
              StudyKind.DR_THORAX, GeneratorOptions.realistic(), c));
        }
      }
      if (wanted("cstore")) {
        guard(t, "C-STORE", () -> cstore(t, ctSlices));
      }
    }
    for (Target t : targets) {
      if (wanted("qido")) {
        guard(t, "QIDO", () -> queries(t));
      }
    }
    for (Target t : targets) {
      if (wanted("wado")) {
        guard(t, "WADO-RS", () -> retrieve(t, ctSlices));
      }
    }
    for (Target t : targets) {
      if (wanted("memory-ingest")) {
        guard(t, "Peak RSS during 4 x 500 MB concurrent STOW-RS (MiB)", () -> memoryIngest(t));
      }
    }
    for (Target t : targets) {
      if (wanted("memory")) {
        memory(t);
      }
    }
    for (Target t : targets) {
      System.err.printf("  [%s] STOW-RS requests sent again after the server closed an idle"
          + " connection: %d%n", t.name(), t.client().retries());
    }
    print();
  }

  private boolean wanted(String group) {
    return only.isEmpty() || only.contains(group);
  }

  /** A measurement that may fail without ending the whole benchmark. */
  private interface Step {
    void run() throws Exception;
  }

  private void guard(Target t, String what, Step step) {
    try {
      step.run();
    } catch (Exception e) {
      put(what, t.name(), "error: " + causes(e));
      e.printStackTrace();
    }
  }

  /**
   * The cause chain of a failure in one line, without the wrappers that say nothing
   * ({@code ExecutionException} of a worker): e.g. {@code IOException: connection reset}.
   */
  static String causes(Throwable e) {
    StringBuilder out = new StringBuilder();
    java.util.Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    String previous = null;
    for (Throwable c = e; c != null && seen.add(c); c = c.getCause()) {
      String one = c.getClass().getSimpleName()
          + (c.getMessage() == null || c.getMessage().isBlank() ? ""
              : ": " + c.getMessage().replace('|', '/').replaceAll("\\s+", " "));
      if ((c instanceof java.util.concurrent.ExecutionException && c.getCause() != null)
          || one.equals(previous)) {
        continue; // a wrapper, or the JDK client's copy of its own exception
      }
      out.append(out.length() > 0 ? " <- " : "").append(one);
      previous = one;
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- ceilings

  /**
   * The machine's ceilings, measured in the same run as the figures they bound.
   *
   * <p>Disk: 256 MiB written sequentially then one fsync, whatever {@code --quick} (64 MiB in quick
   * mode read 669-1745 MB/s across runs: at that size the figure mostly said how much of the page
   * cache the kernel had already written back); and 15 MB files written the way the server's
   * {@code FileBlobStore} commits a STOW-RS or C-STORE instance (a temporary file written with
   * 256 KiB buffers, fsync, a hard link into its series folder, fsync of that folder, the temporary
   * name removed): the ceiling of an ingest of DR images, per-file fsyncs included.
   *
   * <p>Loopback: {@link RawHttpServer} answers GETs with a CT study's worth of bytes (as many as
   * the WADO-RS CT study retrieve: {@code ctSlices} slices of ~526 KB) from a direct buffer, and
   * the bytes are read with {@link DicomWebClient#get}, the code path of the WADO-RS figures: the
   * most the bench's client can receive on this machine, whatever the server. Twenty warm-up
   * transfers (the client's read path went from ~50 to ~800 MB/s over its first twenty here, as the
   * JIT compiled it), then the median of fifteen, and the best of them: noise from other processes
   * only lowers a transfer's rate, so the best is the nearest to the true ceiling, the median the
   * figure to compare with the medians of the WADO-RS rows. (Before: 1 MiB writes of the JDK's
   * {@code com.sun.net.httpserver}, one copy per write, read by a separate client path; it read
   * 150-482 MB/s and Orthanc's WADO-RS exceeded it.)
   */
  /**
   * Untimed requests before the timed ones, for the loopback ceilings and the WADO-RS figures:
   * the JIT compiles the client's (and a JVM server's) read and write paths over them.
   */
  private static final int WARM_UP_REQUESTS = 20;

  /** Timed requests of the loopback ceilings and the WADO-RS figures (median and best). */
  private static final int TIMED_REQUESTS = 15;

  private void ceilings(int ctSlices) throws Exception {
    int repeats = Math.max(runs, 3);
    long size = 256L * 1024 * 1024;
    List<Double> write = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      Path file = work.resolve("fsync-probe.bin");
      ByteBuffer chunk = ByteBuffer.allocateDirect(1024 * 1024);
      long start = System.nanoTime();
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        for (long written = 0; written < size; written += chunk.capacity()) {
          chunk.clear();
          while (chunk.hasRemaining()) {
            channel.write(chunk);
          }
        }
        channel.force(true);
      }
      write.add(mb(size) / seconds(System.nanoTime() - start));
      Files.deleteIfExists(file);
    }
    put("Ceiling: sequential write + fsync, 256 MiB (MB/s)", "machine", fmt(Stats.median(write)));

    List<Double> blobs = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      blobs.add(blobCeiling(16, 15_000_000));
    }
    put("Ceiling: 15 MB files written as blobs, fsync each (MB/s)", "machine",
        fmt(Stats.median(blobs)));

    long body = ctSlices * 526_000L;
    try (RawHttpServer server = new RawHttpServer(body)) {
      DicomWebClient client = new DicomWebClient(server.root());
      List<Double> loop = new ArrayList<>();
      for (int r = -WARM_UP_REQUESTS; r < TIMED_REQUESTS; r++) {
        long[] result = client.get("/studies/ceiling", "application/octet-stream");
        if (result[0] != 200 || result[1] != body) {
          throw new IOException(
              "loopback ceiling: HTTP " + result[0] + ", " + result[1] + " bytes");
        }
        if (r >= 0) {
          loop.add(mb(result[1]) / seconds(result[3]));
        }
      }
      put("Ceiling: loopback HTTP, bench client, " + Math.round(mb(body))
          + " MB, median (best) (MB/s)", "machine", medianAndBest(loop));

      // the same server reads and drops a STOW-RS-shaped upload of one 15 MB file, sent by the
      // client code of the STOW-RS figures: the most that client can send
      Path upload = work.resolve("upload-probe.bin");
      byte[] bytes = new byte[15_000_000];
      new java.util.Random(seed).nextBytes(bytes);
      Files.write(upload, bytes);
      List<Double> sent = new ArrayList<>();
      for (int r = -WARM_UP_REQUESTS; r < TIMED_REQUESTS; r++) {
        long start = System.nanoTime();
        int status = client.store(List.of(upload));
        long nanos = System.nanoTime() - start;
        if (status != 200) {
          throw new IOException("loopback upload ceiling: HTTP " + status);
        }
        if (r >= 0) {
          sent.add(mb(bytes.length) / seconds(nanos));
        }
      }
      Files.deleteIfExists(upload);
      put("Ceiling: loopback HTTP upload, bench client, 15 MB, median (best) (MB/s)", "machine",
          medianAndBest(sent));
    }
  }

  /** Writes {@code count} files of {@code bytes} as FileBlobStore commits them; MB/s. */
  private double blobCeiling(int count, int bytes) throws IOException {
    Path root = Files.createTempDirectory(work, "blob-probe-");
    Path tmp = Files.createDirectories(root.resolve("tmp"));
    Path series = Files.createDirectories(root.resolve("blobs/study/series"));
    byte[] buffer = new byte[256 * 1024];
    new java.util.Random(seed).nextBytes(buffer);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      Path temp = Files.createTempFile(tmp, "incoming-", ".part");
      try (OutputStream out = Files.newOutputStream(temp)) {
        for (int written = 0; written < bytes; written += buffer.length) {
          out.write(buffer, 0, Math.min(buffer.length, bytes - written));
        }
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.createLink(series.resolve(i + ".dcm"), temp);
      try (FileChannel dir = FileChannel.open(series, StandardOpenOption.READ)) {
        dir.force(true);
      }
      Files.delete(temp);
    }
    double mbs = mb((long) count * bytes) / seconds(System.nanoTime() - start);
    deleteTree(root);
    return mbs;
  }

  // ---------------------------------------------------------------- ingest

  private GeneratedStudy generate(StudyKind kind, GeneratorOptions options) throws IOException {
    Path dir = Files.createTempDirectory(work, "data-");
    return new StudyGenerator(seed++).generate(kind, dir, options);
  }

  private void stow(Target t, String label, StudyKind kind, GeneratorOptions options, int conc)
      throws Exception {
    List<Double> perSecond = new ArrayList<>();
    List<Double> mbPerSecond = new ArrayList<>();
    // run -1 is an untimed warm-up of the same kind and concurrency, for both servers: a JVM
    // server's first requests run interpreted (a clinic's server has run for days), and a C++
    // one warms its caches likewise
    Map<String, double[]> stagesBefore = Map.of();
    Map<String, Double> cpuBefore = Map.of();
    int timedInstances = 0;
    for (int r = -1; r < runs; r++) {
      if (r == 0) {
        stagesBefore = t.client().ingestStages();
        cpuBefore = ServerCpu.read(t.pid());
      }
      GeneratedStudy study = generate(kind, options);
      List<Path> files = study.instances().stream().map(GeneratedInstance::file).toList();
      long bytes = DicomWebClient.size(files);
      long start = System.nanoTime();
      int failures = storeEach(t, files, conc);
      double s = seconds(System.nanoTime() - start);
      if (failures > 0) {
        put(label + " (inst/s)", t.name(), "failed (" + failures + ")");
        return;
      }
      if (r >= 0) {
        perSecond.add(files.size() / s);
        mbPerSecond.add(mb(bytes) / s);
        timedInstances += files.size();
      }
      deleteTree(study);
    }
    Map<String, Double> cpuAfter = ServerCpu.read(t.pid());
    put(label + " (inst/s)", t.name(), fmt(Stats.median(perSecond)));
    put(label + " (MB/s)", t.name(), fmt(Stats.median(mbPerSecond)));
    putCpu(label, t, cpuBefore, cpuAfter, timedInstances);
    String stages = stagesPerInstance(stagesBefore, t.client().ingestStages());
    if (!stages.isEmpty()) {
      put(label + ", server ms per instance by stage", t.name(), stages);
    }
  }

  /**
   * A row "server CPU ms per instance" for a figure, when the server's process is known: its total
   * CPU time per instance and, for a JVM, the split by kind of thread ({@link ServerCpu}). The
   * study generation between timed runs happens in this client; the server's background work in
   * that time (e.g. its ImagingStudy updates) is counted, as it is part of what a store costs.
   */
  private void putCpu(String label, Target t, Map<String, Double> before,
      Map<String, Double> after, int instances) {
    String cpu = ServerCpu.perUnit(before, after, instances);
    if (!cpu.isEmpty()) {
      put(label + ", server CPU ms per instance", t.name(), cpu);
    }
  }

  /**
   * The mean time per instance of each ingest stage between two readings of the server's stage
   * timers, e.g. {@code receive 2.6, parse 2.0, ...}; empty when the server has none.
   */
  static String stagesPerInstance(Map<String, double[]> before, Map<String, double[]> after) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, double[]> stage : after.entrySet()) {
      double[] earlier = before.getOrDefault(stage.getKey(), new double[2]);
      double count = stage.getValue()[1] - earlier[1];
      if (count <= 0) {
        continue;
      }
      double ms = (stage.getValue()[0] - earlier[0]) / count;
      out.append(out.length() == 0 ? "" : ", ").append(stage.getKey()).append(' ')
          .append(String.format(Locale.ROOT, ms < 10 ? "%.2f" : "%.1f", ms));
    }
    return out.toString();
  }

  /** Stores each file in its own STOW-RS request, {@code conc} at a time; returns the failures. */
  private static int storeEach(Target t, List<Path> files, int conc) throws Exception {
    ConcurrentLinkedQueue<Path> queue = new ConcurrentLinkedQueue<>(files);
    ExecutorService pool = Executors.newFixedThreadPool(conc);
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int c = 0; c < conc; c++) {
        workers.add(pool.submit(() -> {
          int failures = 0;
          Path next;
          while ((next = queue.poll()) != null) {
            int status = t.client().store(List.of(next));
            if (status != 200) {
              failures++;
            }
          }
          return failures;
        }));
      }
      int failures = 0;
      for (Future<Integer> w : workers) {
        failures += w.get(30, TimeUnit.MINUTES);
      }
      return failures;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Brings a server to its steady state before the ingest figures: {@code --warm-up N} (default
   * 3000) CT slices stored untimed, one per STOW-RS request, four at a time. A JVM server compiles
   * its hot paths over its first thousands of requests (its first requests run interpreted,
   * several times slower; with 400 slices, the JIT compiler threads still took two thirds of the
   * server's CPU during the timed CT figures, see the "server CPU" rows), and a clinic's server
   * has run for days; a C++ server has nothing to compile and only warms its caches. Both servers
   * get the same warm-up.
   */
  private void warmUp(Target t) throws Exception {
    int wanted = Integer.parseInt(options.getOrDefault("warm-up", "3000"));
    int stored = 0;
    long start = System.nanoTime();
    while (stored < wanted) {
      GeneratedStudy study =
          generate(StudyKind.CT, new GeneratorOptions(false, Math.min(100, wanted - stored)));
      List<Path> files = study.instances().stream().map(GeneratedInstance::file).toList();
      int failures = storeEach(t, files, 4);
      deleteTree(study);
      if (failures > 0) {
        throw new IOException(failures + " warm-up stores failed");
      }
      stored += files.size();
    }
    System.err.printf("  [%s] warm-up: %d CT slices stored in %.1f s%n", t.name(), stored,
        seconds(System.nanoTime() - start));
  }

  private void cstore(Target t, int slices) throws Exception {
    String label = "C-STORE storescu CT 512x512";
    if (t.dicom() == null) {
      put(label + " (inst/s)", t.name(), "n/a");
      return;
    }
    String[] peer = t.dicom().split(":");
    List<Double> perSecond = new ArrayList<>();
    List<Double> mbPerSecond = new ArrayList<>();
    Map<String, Double> cpuBefore = ServerCpu.read(t.pid());
    int timedInstances = 0;
    for (int r = 0; r < runs; r++) {
      GeneratedStudy study = generate(StudyKind.CT, new GeneratorOptions(false, slices));
      List<Path> files = study.instances().stream().map(GeneratedInstance::file).toList();
      List<String> command = new ArrayList<>(List.of("storescu", "-aec", peer[2], peer[0], peer[1]));
      files.forEach(f -> command.add(f.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("TCP_NODELAY", "1");
      long start = System.nanoTime();
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes());
      int exit = process.waitFor();
      double s = seconds(System.nanoTime() - start);
      if (exit != 0 || output.contains("Failed") || output.contains("Error")) {
        put(label + " (inst/s)", t.name(), "refused");
        return;
      }
      perSecond.add(files.size() / s);
      mbPerSecond.add(mb(DicomWebClient.size(files)) / s);
      timedInstances += files.size();
      deleteTree(study);
    }
    Map<String, Double> cpuAfter = ServerCpu.read(t.pid());
    put(label + " (inst/s)", t.name(), fmt(Stats.median(perSecond)));
    put(label + " (MB/s)", t.name(), fmt(Stats.median(mbPerSecond)));
    putCpu(label, t, cpuBefore, cpuAfter, timedInstances);
  }

  // ---------------------------------------------------------------- queries

  /**
   * QIDO-RS at two index sizes: first up to 10,000 instances (2,000 with --quick) stored by
   * STOW-RS, then, with {@code --index-size N} larger than that and {@code --vetpacs-mongodb URL}
   * (the index's MongoDB, e.g. the embedded one on its fixed port), grown to N instances by
   * {@link IndexFiller cloning the stored studies' index records}, and measured again with the
   * same queries: "flat" is the comparison of the two.
   */
  private void queries(Target t) throws Exception {
    int size = Integer.parseInt(options.getOrDefault("index-size", quick ? "2000" : "10000"));
    int stowSize = Math.min(size, quick ? 2000 : 10000);
    int perStudy = 50;
    GeneratedStudy last = null;
    long start = System.nanoTime();
    for (int stored = 0; stored < stowSize; stored += perStudy) {
      GeneratedStudy study = generate(StudyKind.CT, new GeneratorOptions(true, perStudy));
      int status = t.client().store(study.instances().stream().map(GeneratedInstance::file).toList());
      if (status != 200) {
        put("QIDO index fill", t.name(), "failed (" + status + ")");
        return;
      }
      deleteTree(study);
      last = study;
    }
    put("QIDO index fill: " + count(stowSize) + " instances by STOW-RS (s)", t.name(),
        fmt(seconds(System.nanoTime() - start)));
    String series = last.instances().get(0).seriesInstanceUid();
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("QIDO studies by PatientName wildcard", "/studies?PatientName=" + last.patientName().substring(0, 3) + "*&limit=100");
    queries.put("QIDO studies by PatientID", "/studies?PatientID=" + last.patientId());
    queries.put("QIDO studies by StudyDate range", "/studies?StudyDate=20220101-20221231&limit=100");
    queries.put("QIDO studies by species", "/studies?PatientSpeciesDescription=" + last.species().dicomDescription() + "&limit=100");
    queries.put("QIDO series of a study", "/studies/" + last.studyInstanceUid() + "/series");
    queries.put("QIDO instances of a series", "/studies/" + last.studyInstanceUid() + "/series/" + series + "/instances");
    measureQueries(t, queries, " at " + count(stowSize));
    if (size <= stowSize) {
      return;
    }
    String mongo = options.get("vetpacs-mongodb");
    if (mongo == null) {
      put("QIDO index fill to " + count(size), t.name(), "n/a (no --vetpacs-mongodb)");
      return;
    }
    start = System.nanoTime();
    try (IndexFiller filler = new IndexFiller(mongo, "vetpacs")) {
      filler.readTemplates(10);
      filler.fillTo(size);
    }
    put("QIDO index fill: " + count(stowSize) + " to " + count(size)
        + " instances, records of 10 stored studies cloned over the MongoDB wire protocol (s)",
        t.name(), fmt(seconds(System.nanoTime() - start)));
    measureQueries(t, queries, " at " + count(size));
  }

  private static String count(long n) {
    return n >= 1_000_000 && n % 1_000_000 == 0 ? n / 1_000_000 + "M"
        : n >= 1000 && n % 1000 == 0 ? n / 1000 + "k" : Long.toString(n);
  }

  private void measureQueries(Target t, Map<String, String> queries, String suffix)
      throws Exception {
    int repeat = quick ? 30 : 100;
    for (Map.Entry<String, String> q : queries.entrySet()) {
      String label = q.getKey() + suffix + " p50/p95/p99 (ms)";
      List<Double> ms = new ArrayList<>();
      for (int i = 0; i < repeat + 5; i++) {
        long[] r = t.client().get(q.getValue(), "application/dicom+json");
        if (r[0] != 200) {
          put(label, t.name(), "HTTP " + r[0]);
          ms = null;
          break;
        }
        if (i >= 5) { // warm-up
          ms.add(r[3] / 1e6);
        }
      }
      if (ms != null) {
        put(label, t.name(), String.format(Locale.ROOT, "%.1f / %.1f / %.1f",
            Stats.percentile(ms, 50), Stats.percentile(ms, 95), Stats.percentile(ms, 99)));
      }
    }
  }

  // ---------------------------------------------------------------- retrieve and render

  private void retrieve(Target t, int slices) throws Exception {
    GeneratedStudy ct = generate(StudyKind.CT, new GeneratorOptions(false, slices));
    GeneratedStudy dr = generate(StudyKind.DR_THORAX, GeneratorOptions.realistic());
    t.client().store(ct.instances().stream().map(GeneratedInstance::file).toList());
    t.client().store(dr.instances().stream().map(GeneratedInstance::file).toList());
    List<Double> mbs = new ArrayList<>();
    List<Double> ttfb = new ArrayList<>();
    // Measured as the loopback ceiling is: untimed retrieves first, then the median of fifteen and
    // the best. A JVM server's first retrieves run its multipart writer and the container's write
    // path interpreted or half-compiled (one untimed retrieve, before, left a 16 MB study at
    // ~200 MB/s where the fortieth ran at 500-800), which is not the steady state of a server in
    // use; Orthanc gets the same requests.
    for (int r = -WARM_UP_REQUESTS; r < TIMED_REQUESTS; r++) {
      long[] result = t.client().get("/studies/" + ct.studyInstanceUid(), "multipart/related; type=\"application/dicom\"");
      if (result[0] != 200) {
        put("WADO-RS CT study retrieve, median (best) (MB/s)", t.name(), "HTTP " + result[0]);
        mbs.clear();
        break;
      }
      if (r >= 0) {
        mbs.add(mb(result[1]) / seconds(result[3]));
        ttfb.add(result[2] / 1e6);
      }
    }
    if (!mbs.isEmpty()) {
      put("WADO-RS CT study retrieve, median (best) (MB/s)", t.name(),
          medianAndBest(mbs));
      put("WADO-RS CT study time to first byte (ms)", t.name(), fmt(Stats.median(ttfb)));
    }
    timed(t, "WADO-RS CT study metadata (ms)", "/studies/" + ct.studyInstanceUid() + "/metadata", "application/dicom+json");
    GeneratedInstance slice = ct.instances().get(0);
    GeneratedInstance image = dr.instances().get(0);
    timed(t, "Rendered JPEG of a CT slice (ms)", instancePath(slice) + "/rendered", "image/jpeg");
    timed(t, "Rendered JPEG of a DR image (ms)", instancePath(image) + "/rendered", "image/jpeg");
    deleteTree(ct);
    deleteTree(dr);
  }

  /**
   * The median time of a GET, after untimed ones as for the WADO-RS retrieve: until 2026-11-26 one
   * untimed request and the median of {@code --runs}, which timed a half-compiled server (a CT
   * slice rendered in 15.5 ms in the bench, 6.7-8.6 ms at the median of the same build's
   * 600th-1500th requests).
   */
  private void timed(Target t, String label, String path, String accept) throws Exception {
    List<Double> ms = new ArrayList<>();
    for (int r = -WARM_UP_REQUESTS; r < TIMED_REQUESTS; r++) {
      long[] result = t.client().get(path, accept);
      if (result[0] != 200) {
        put(label, t.name(), "HTTP " + result[0]);
        return;
      }
      if (r >= 0) {
        ms.add(result[3] / 1e6);
      }
    }
    put(label, t.name(), fmt(Stats.median(ms)));
  }

  private static String instancePath(GeneratedInstance i) {
    String study = i.file().getParent().getParent().getFileName().toString();
    return "/studies/" + study + "/series/" + i.seriesInstanceUid() + "/instances/" + i.sopInstanceUid();
  }

  // ---------------------------------------------------------------- memory under a big ingest

  /**
   * The target "peak resident memory under 1 GiB while ingesting 4 concurrent 500 MB
   * studies". The studies are what a clinic's largest look like: two thin-slice CT studies of a
   * big dog (~950 slices of 512x512, 0.6-1 mm slices of thorax and abdomen: the CT of one
   * patient, not a series from a loop) and two equine pre-purchase radiograph series (50 DX views
   * of 2000x2500, ~10 MB each, the number such an examination takes). Each study goes in ONE
   * STOW-RS request (a 500 MB multipart body, streamed from the files by the client: see {@link
   * DicomWebClient#store}), the four requests at once; meanwhile the server's VmRSS is read from
   * {@code /proc/PID/status} every 50 ms. The peak is the largest sample, or the process's VmHWM
   * after the ingest when it grew during it (exact, not sampled). One run: a peak, not a median.
   * The generated files are deleted after, whether the server coped or not.
   */
  private void memoryIngest(Target t) throws Exception {
    String label = "4 x 500 MB concurrent STOW-RS";
    List<GeneratedStudy> studies = bigStudies();
    try {
      ingestWatched(t, label, studies, study -> {
        int status = t.client().store(files(study));
        return status == 200 ? null : "HTTP " + status;
      });
    } finally {
      for (GeneratedStudy study : studies) {
        deleteTree(study);
      }
    }
    if (!quick && t.dicom() != null) {
      String[] peer = t.dicom().split(":");
      List<GeneratedStudy> again = bigStudies();
      try {
        ingestWatched(t, "4 x 500 MB concurrent C-STORE", again, study -> {
          List<String> command =
              new ArrayList<>(List.of("storescu", "-aec", peer[2], peer[0], peer[1]));
          files(study).forEach(f -> command.add(f.toString()));
          Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
          String output = new String(process.getInputStream().readAllBytes());
          int exit = process.waitFor();
          return exit != 0 || output.contains("Failed") || output.contains("Error")
              ? "storescu exit " + exit : null;
        });
      } finally {
        for (GeneratedStudy study : again) {
          deleteTree(study);
        }
      }
    }
  }

  private List<GeneratedStudy> bigStudies() throws IOException {
    List<GeneratedStudy> studies = new ArrayList<>();
    studies.add(generate(StudyKind.CT, new GeneratorOptions(false, 950)));
    studies.add(generate(StudyKind.EQUINE_LIMB, new GeneratorOptions(false, 50)));
    studies.add(generate(StudyKind.CT, new GeneratorOptions(false, 950)));
    studies.add(generate(StudyKind.EQUINE_LIMB, new GeneratorOptions(false, 50)));
    return studies;
  }

  private static List<Path> files(GeneratedStudy study) {
    return study.instances().stream().map(GeneratedInstance::file).toList();
  }

  /** One store of a whole study; null when it succeeded, else what went wrong. */
  private interface StudyStore {
    String store(GeneratedStudy study) throws Exception;
  }

  /** Stores the studies at once, one thread each, sampling the server's resident memory. */
  private void ingestWatched(Target t, String label, List<GeneratedStudy> studies, StudyStore how)
      throws Exception {
    long bytes = 0;
    for (GeneratedStudy study : studies) {
      bytes += DicomWebClient.size(files(study));
    }
    Path status = t.pid() == null ? null : Path.of("/proc", t.pid(), "status");
    long hwmBefore = status == null ? -1 : statusKb(status, "VmHWM:");
    AtomicLong peakKb = new AtomicLong(-1);
    AtomicBoolean done = new AtomicBoolean();
    Thread sampler = new Thread(() -> {
      while (!done.get() && status != null) {
        try {
          peakKb.accumulateAndGet(statusKb(status, "VmRSS:"), Math::max);
          Thread.sleep(50);
        } catch (IOException | InterruptedException e) {
          return; // the process is gone, or the ingest is over
        }
      }
    }, "rss-sampler");
    sampler.setDaemon(true);
    ExecutorService pool = Executors.newFixedThreadPool(studies.size());
    List<String> problems = new ArrayList<>();
    long start = System.nanoTime();
    sampler.start();
    try {
      List<Future<String>> stores = new ArrayList<>();
      for (GeneratedStudy study : studies) {
        stores.add(pool.submit(() -> how.store(study)));
      }
      for (Future<String> f : stores) {
        try {
          String problem = f.get(60, TimeUnit.MINUTES);
          if (problem != null) {
            problems.add(problem);
          }
        } catch (java.util.concurrent.ExecutionException e) {
          problems.add(causes(e));
        }
      }
    } finally {
      done.set(true);
      sampler.join();
      pool.shutdownNow();
    }
    double s = seconds(System.nanoTime() - start);
    boolean alive = status == null || Files.exists(status);
    String rss = "n/a";
    if (status != null && alive) {
      long hwmAfter = statusKb(status, "VmHWM:");
      long peak = Math.max(peakKb.get(), hwmAfter > hwmBefore ? hwmAfter : 0);
      rss = fmt(peak / 1024.0);
      System.err.printf(
          "  (%s [%s]: VmHWM before %d MiB, after %d MiB, largest VmRSS sample %d MiB)%n",
          label, t.name(), hwmBefore / 1024, hwmAfter / 1024, peakKb.get() / 1024);
    }
    if (!alive) {
      put("Peak RSS during " + label + " (MiB)", t.name(), "server died (OOM?)");
      return;
    }
    String failed = problems.isEmpty() ? "" : " (failed: " + String.join("; ", problems) + ")";
    put("Peak RSS during " + label + " (MiB)", t.name(), rss + failed);
    put(label + ", " + Math.round(mb(bytes)) + " MB (MB/s)", t.name(),
        problems.isEmpty() ? fmt(mb(bytes) / s) : "failed");
  }

  private static long statusKb(Path status, String field) throws IOException {
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException(field + " not in " + status);
  }

  private void memory(Target t) throws IOException {
    if (t.pid() == null) {
      put("Peak resident memory (MiB)", t.name(), "n/a");
      return;
    }
    for (String line : Files.readAllLines(Path.of("/proc", t.pid(), "status"))) {
      if (line.startsWith("VmHWM:")) {
        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        put("Peak resident memory (MiB)", t.name(), fmt(kb / 1024.0));
      }
    }
  }

  // ---------------------------------------------------------------- output

  /** E.g. {@code 501 (702)}: the median, and in brackets the best (largest) value. */
  private static String medianAndBest(List<Double> values) {
    return fmt(Stats.median(values)) + " (" + fmt(Stats.percentile(values, 100)) + ")";
  }

  private void put(String metric, String target, String value) {
    table.computeIfAbsent(metric, k -> new LinkedHashMap<>()).put(target, value);
    System.err.printf("  %s [%s]: %s%n", metric, target, value);
  }

  private void print() {
    boolean orthanc = targets.size() > 1;
    StringBuilder out = new StringBuilder();
    out.append(orthanc ? "| figure | VetPACS | Orthanc | VetPACS/Orthanc |\n| --- | ---: | ---: | ---: |\n"
        : "| figure | VetPACS |\n| --- | ---: |\n");
    for (Map.Entry<String, Map<String, String>> row : table.entrySet()) {
      Map<String, String> v = row.getValue();
      if (v.containsKey("machine")) {
        out.append("| ").append(row.getKey()).append(" | ").append(v.get("machine"))
            .append(orthanc ? " | | |\n" : " |\n");
        continue;
      }
      String a = v.getOrDefault("VetPACS", "");
      out.append("| ").append(row.getKey()).append(" | ").append(a);
      if (orthanc) {
        String b = v.getOrDefault("Orthanc", "");
        out.append(" | ").append(b).append(" | ").append(ratio(a, b));
      }
      out.append(" |\n");
    }
    System.out.println();
    System.out.print(out);
  }

  private static String ratio(String a, String b) {
    try {
      double x = Double.parseDouble(a.split(" ")[0]);
      double y = Double.parseDouble(b.split(" ")[0]);
      return y == 0 ? "" : String.format(Locale.ROOT, "%.2f", x / y);
    } catch (NumberFormatException e) {
      return "";
    }
  }

  private static void deleteTree(GeneratedStudy study) throws IOException {
    if (study.instances().isEmpty()) {
      return;
    }
    deleteTree(study.instances().get(0).file().getParent().getParent().getParent());
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static String fmt(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
  }

  private static double mb(long bytes) {
    return bytes / 1e6;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
