package org.vetpacs.testdata.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The few DICOMweb calls the benchmark makes, with plain java.net.http. */
final class DicomWebClient {

  static final String BOUNDARY = "vetpacs-bench-3f1e";

  /**
   * HTTP/1.1, not the JDK's default HTTP/2: on a plain-HTTP URL the JDK client then sends every
   * request of a new connection with {@code Connection: Upgrade, HTTP2-Settings} and {@code Upgrade:
   * h2c} (RFC 7540 3.2), and closes each connection after a response that did not upgrade, so that
   * no connection is ever reused; Orthanc 1.10's HTTP server (CivetWeb) now and then closed such a
   * new connection before answering ({@code IOException: HTTP/1.1 header parser received no bytes}
   * under EOF or broken pipe: the "ExecutionException" of earlier tables). Both servers are measured
   * over persistent HTTP/1.1 connections, as DICOMweb clients use them.
   */
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final String root;
  private final java.util.concurrent.atomic.AtomicInteger retries =
      new java.util.concurrent.atomic.AtomicInteger();

  /** @param root the DICOMweb root, e.g. {@code http://127.0.0.1:8080/dicom-web} */
  DicomWebClient(String root) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  String root() {
    return root;
  }

  /**
   * The server's time per stored instance in each ingest stage since {@code before} (VetPACS's
   * MicroProfile Metrics timers {@code vetpacs.ingest.stage} at {@code /metrics}, next to the
   * DICOMweb root), in stage order: milliseconds and instances counted; empty for a server without
   * them.
   */
  Map<String, double[]> ingestStages() throws InterruptedException {
    Map<String, double[]> stages = new java.util.LinkedHashMap<>();
    for (String stage : List.of("receive", "parse", "coerce", "reserve", "blob", "count", "mark")) {
      stages.put(stage, new double[2]); // the pipeline's order
    }
    String origin = root.replaceFirst("^(https?://[^/]+).*$", "$1");
    String text;
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create(origin + "/metrics?scope=application"))
              .header("Accept", "text/plain").timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Map.of(); // none yet (before the first store), or not VetPACS
      }
      text = response.body();
    } catch (IOException e) {
      return Map.of();
    }
    java.util.regex.Pattern line = java.util.regex.Pattern.compile(
        "^vetpacs_ingest_stage_seconds_(sum|count)\\{[^}]*stage=\"([a-z]+)\"[^}]*\\} (\\S+)$",
        java.util.regex.Pattern.MULTILINE);
    java.util.regex.Matcher m = line.matcher(text);
    while (m.find()) {
      double[] v = stages.computeIfAbsent(m.group(2), k -> new double[2]);
      double value = Double.parseDouble(m.group(3));
      if (m.group(1).equals("sum")) {
        v[0] = value * 1000;
      } else {
        v[1] = value;
      }
    }
    return stages;
  }

  /** STOW-RS of the given files in one request; returns the HTTP status. */
  int store(List<Path> files) throws IOException, InterruptedException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    List<HttpRequest.BodyPublisher> parts = new java.util.ArrayList<>();
    for (Path file : files) {
      parts.add(HttpRequest.BodyPublishers.ofByteArray(
          ("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII)));
      parts.add(HttpRequest.BodyPublishers.ofFile(file));
      parts.add(HttpRequest.BodyPublishers.ofByteArray("\r\n".getBytes(StandardCharsets.US_ASCII)));
    }
    parts.add(HttpRequest.BodyPublishers.ofByteArray(
        ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII)));
    head.close();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(root + "/studies"))
            .header("Content-Type",
                "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY)
            .header("Accept", "application/dicom+json")
            // a known Content-Length: some servers (Orthanc) refuse chunked uploads
            .POST(HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)),
                contentLength(parts)))
            .timeout(Duration.ofMinutes(10))
            .build();
    for (int attempt = 1; ; attempt++) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        if (attempt == 3 || !closedBeforeAnswer(e)) {
          throw e;
        }
        // The server closed the persistent connection the client had just taken from its pool
        // (Orthanc closes one idle for 1 s, "Keep-Alive: timeout=1", and the JDK client may pick
        // it up before it sees the close): no byte of an answer, the request was not processed.
        // The JDK client retries only idempotent methods by itself; a STOW-RS of the same
        // instances is idempotent in effect (same SOP Instance UIDs), so it is sent again, on a
        // new connection (RFC 9112 9.3.1), for either server, and counted.
        retries.incrementAndGet();
      }
    }
  }

  /** How many STOW-RS requests were sent again after the server closed their connection. */
  int retries() {
    return retries.get();
  }

  private static boolean closedBeforeAnswer(IOException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof java.io.EOFException
          || (c.getMessage() != null && c.getMessage().contains("header parser received no bytes"))) {
        return true;
      }
    }
    return false;
  }

  /** A GET, returning [status, bytes, nanos to first byte, nanos total]. */
  long[] get(String pathAndQuery, String accept) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(root + pathAndQuery))
            .header("Accept", accept)
            .timeout(Duration.ofMinutes(10))
            .GET()
            .build();
    long start = System.nanoTime();
    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long firstByte = -1;
    long total = 0;
    byte[] buffer = new byte[256 * 1024];
    try (InputStream in = response.body()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (firstByte < 0) {
          firstByte = System.nanoTime() - start;
        }
        total += n;
      }
    }
    long end = System.nanoTime() - start;
    return new long[] {response.statusCode(), total, firstByte < 0 ? end : firstByte, end};
  }

  private static long contentLength(List<HttpRequest.BodyPublisher> parts) {
    long total = 0;
    for (HttpRequest.BodyPublisher part : parts) {
      total += part.contentLength();
    }
    return total;
  }

  static long size(List<Path> files) throws IOException {
    long total = 0;
    for (Path f : files) {
      total += Files.size(f);
    }
    return total;
  }
}
