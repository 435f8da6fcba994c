package org.vetpacs.testdata.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * </pre>
 * URLs are DICOMweb roots (e.g. {@code http://127.0.0.1:8080/dicom-web}). {@code --only} runs some
 * groups of figures (for A/B comparisons of one change): {@code ceilings}, {@code stow-ct},
 * {@code stow-dr}, {@code cstore}, {@code qido}, {@code wado}, {@code memory}.
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
    if (wanted("ceilings")) {
      ceilings();
    }
    for (Target t : targets) {
      if (!only.isEmpty()) {
        break;
      }
      put("Server start-up (s)", t.name(), t.startMs() == null ? "n/a"
          : String.format(Locale.ROOT, "%.1f", Long.parseLong(t.startMs()) / 1000.0));
    }
    int ctSlices = quick ? 30 : 100;
    for (Target t : targets) {
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
      if (wanted("memory")) {
        memory(t);
      }
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
      put(what, t.name(), "error: " + e.getClass().getSimpleName());
    }
  }

  // ---------------------------------------------------------------- ceilings

  private void ceilings() throws Exception {
    long size = (quick ? 64L : 256L) * 1024 * 1024;
    List<Double> write = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
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
    put("Ceiling: sequential write + fsync (MB/s)", "machine", fmt(Stats.median(write)));

    byte[] block = new byte[1024 * 1024];
    long total = (quick ? 256L : 1024L) * 1024 * 1024;
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(200, total);
      try (OutputStream out = exchange.getResponseBody()) {
        for (long sent = 0; sent < total; sent += block.length) {
          out.write(block);
        }
      }
    });
    ExecutorService serverThreads = Executors.newFixedThreadPool(2);
    server.setExecutor(serverThreads);
    server.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      List<Double> loop = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> response = http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
        long read = 0;
        byte[] buffer = new byte[256 * 1024];
        try (java.io.InputStream in = response.body()) {
          int n;
          while ((n = in.read(buffer)) > 0) {
            read += n;
          }
        }
        loop.add(mb(read) / seconds(System.nanoTime() - start));
      }
      put("Ceiling: loopback HTTP (MB/s)", "machine", fmt(Stats.median(loop)));
    } finally {
      server.stop(0);
      serverThreads.shutdownNow();
    }
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
    for (int r = 0; r < runs; r++) {
      GeneratedStudy study = generate(kind, options);
      List<Path> files = study.instances().stream().map(GeneratedInstance::file).toList();
      long bytes = DicomWebClient.size(files);
      ConcurrentLinkedQueue<Path> queue = new ConcurrentLinkedQueue<>(files);
      ExecutorService pool = Executors.newFixedThreadPool(conc);
      long start = System.nanoTime();
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
      double s = seconds(System.nanoTime() - start);
      pool.shutdown();
      if (failures > 0) {
        put(label + " (inst/s)", t.name(), "failed (" + failures + ")");
        return;
      }
      perSecond.add(files.size() / s);
      mbPerSecond.add(mb(bytes) / s);
      deleteTree(study);
    }
    put(label + " (inst/s)", t.name(), fmt(Stats.median(perSecond)));
    put(label + " (MB/s)", t.name(), fmt(Stats.median(mbPerSecond)));
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
      deleteTree(study);
    }
    put(label + " (inst/s)", t.name(), fmt(Stats.median(perSecond)));
    put(label + " (MB/s)", t.name(), fmt(Stats.median(mbPerSecond)));
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
    for (int r = 0; r < runs; r++) {
      long[] result = t.client().get("/studies/" + ct.studyInstanceUid(), "multipart/related; type=\"application/dicom\"");
      if (result[0] != 200) {
        put("WADO-RS CT study retrieve (MB/s)", t.name(), "HTTP " + result[0]);
        break;
      }
      mbs.add(mb(result[1]) / seconds(result[3]));
      ttfb.add(result[2] / 1e6);
    }
    if (!mbs.isEmpty()) {
      put("WADO-RS CT study retrieve (MB/s)", t.name(), fmt(Stats.median(mbs)));
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

  private void timed(Target t, String label, String path, String accept) throws Exception {
    List<Double> ms = new ArrayList<>();
    for (int r = 0; r < runs + 1; r++) {
      long[] result = t.client().get(path, accept);
      if (result[0] != 200) {
        put(label, t.name(), "HTTP " + result[0]);
        return;
      }
      if (r > 0) {
        ms.add(result[3] / 1e6);
      }
    }
    put(label, t.name(), fmt(Stats.median(ms)));
  }

  private static String instancePath(GeneratedInstance i) {
    String study = i.file().getParent().getParent().getFileName().toString();
    return "/studies/" + study + "/series/" + i.seriesInstanceUid() + "/instances/" + i.sopInstanceUid();
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
    Path root = study.instances().get(0).file().getParent().getParent().getParent();
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
