package org.vetpacs.testdata.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomWebClientTest {

  @TempDir Path tmp;

  @Test
  void storeSendsOneHttp11MultipartRequestWithAContentLengthAndNoH2cUpgrade() throws Exception {
    Path a = Files.write(tmp.resolve("a.dcm"), new byte[] {1, 2, 3});
    Path b = Files.write(tmp.resolve("b.dcm"), new byte[] {4, 5});
    List<String> upgrade = new ArrayList<>();
    List<String> length = new ArrayList<>();
    List<String> protocol = new ArrayList<>();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/dicom-web/studies", exchange -> {
      protocol.add(exchange.getProtocol());
      upgrade.add(exchange.getRequestHeaders().getFirst("Upgrade"));
      length.add(exchange.getRequestHeaders().getFirst("Content-Length"));
      received.write(exchange.getRequestBody().readAllBytes());
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    try {
      DicomWebClient client = new DicomWebClient(
          "http://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web/");
      assertEquals(200, client.store(List.of(a, b)));
    } finally {
      server.stop(0);
    }
    String part = "--" + DicomWebClient.BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n";
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(part.getBytes(StandardCharsets.US_ASCII));
    expected.write(new byte[] {1, 2, 3, '\r', '\n'});
    expected.write(part.getBytes(StandardCharsets.US_ASCII));
    expected.write(new byte[] {4, 5, '\r', '\n'});
    expected.write(("--" + DicomWebClient.BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    assertEquals(List.of("HTTP/1.1"), protocol);
    assertNull(upgrade.get(0), "no Upgrade: h2c (RFC 7540 3.2)");
    assertEquals(Integer.toString(expected.size()), length.get(0));
    assertArrayEquals(expected.toByteArray(), received.toByteArray());
  }

  @Test
  void aStoreWhoseConnectionTheServerClosedUnansweredIsSentAgainOnANewConnection() throws Exception {
    Path a = Files.write(tmp.resolve("a.dcm"), new byte[1000]);
    try (java.net.ServerSocket server = new java.net.ServerSocket(0, 5,
        java.net.InetAddress.getLoopbackAddress())) {
      Thread peer = new Thread(() -> {
        try {
          try (java.net.Socket first = server.accept()) {
            readRequest(first.getInputStream()); // then closed without a byte of an answer
          }
          try (java.net.Socket second = server.accept()) {
            readRequest(second.getInputStream());
            second.getOutputStream().write(
                "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            second.getOutputStream().flush();
            second.getInputStream().read(); // until the client lets go
          }
        } catch (java.io.IOException e) {
          // the test's assertions say what happened
        }
      });
      peer.setDaemon(true);
      peer.start();
      DicomWebClient client = new DicomWebClient("http://127.0.0.1:" + server.getLocalPort());
      assertEquals(200, client.store(List.of(a)));
      assertEquals(1, client.retries());
    }
  }

  /** Reads a request head and its Content-Length body. */
  private static void readRequest(java.io.InputStream in) throws java.io.IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      head.append((char) b);
    }
    java.util.regex.Matcher length = java.util.regex.Pattern
        .compile("(?i)content-length: *(\\d+)").matcher(head);
    if (length.find()) {
      in.readNBytes(Integer.parseInt(length.group(1)));
    }
  }

  @Test
  void theLoopbackCeilingServerAnswersEveryRequestOfAPersistentConnectionInFull() throws Exception {
    long size = 3L * 1024 * 1024 + 17;
    try (RawHttpServer server = new RawHttpServer(size)) {
      DicomWebClient client = new DicomWebClient(server.root());
      for (int i = 0; i < 3; i++) {
        long[] result = client.get("/studies/x", "application/octet-stream");
        assertEquals(200, result[0]);
        assertEquals(size, result[1]);
      }
    }
  }

  @Test
  void aFailedFigureNamesItsCausesWithoutTheWorkerWrapperOrRepeats() {
    Exception e = new ExecutionException(new java.io.IOException("HTTP/1.1 header parser received no bytes",
        new java.io.IOException("HTTP/1.1 header parser received no bytes",
            new java.io.EOFException("EOF reached while reading"))));
    assertEquals("IOException: HTTP/1.1 header parser received no bytes <- EOFException: EOF reached"
        + " while reading", Benchmark.causes(e));
    assertTrue(Benchmark.causes(new IllegalStateException()).equals("IllegalStateException"));
  }
}
