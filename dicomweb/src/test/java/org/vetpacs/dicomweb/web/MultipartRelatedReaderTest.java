package org.vetpacs.dicomweb.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 2046 5.1 multipart parsing, as STOW-RS (PS3.18 10.5) receives it. */
class MultipartRelatedReaderTest {

  private static final String BOUNDARY = "vetpacs-boundary-42";

  /** One part to encode: its header lines and its body. */
  private record Part(List<String> headerLines, byte[] body) {
    static Part dicom(byte[] body) {
      return new Part(List.of("Content-Type: application/dicom"), body);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] encode(String preamble, List<Part> parts, String epilogue)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(ascii(preamble));
    for (int i = 0; i < parts.size(); i++) {
      // The first delimiter may start the body without a CRLF before it.
      out.write(ascii((i == 0 && preamble.isEmpty() ? "" : "\r\n") + "--" + BOUNDARY + "\r\n"));
      for (String line : parts.get(i).headerLines()) {
        out.write(ascii(line + "\r\n"));
      }
      out.write(ascii("\r\n"));
      out.write(parts.get(i).body());
    }
    out.write(ascii("\r\n--" + BOUNDARY + "--"));
    out.write(ascii(epilogue));
    return out.toByteArray();
  }

  /** Reads every part, each body fully, as the STOW endpoint does. */
  private static List<byte[]> readAll(MultipartRelatedReader reader) throws IOException {
    List<byte[]> bodies = new ArrayList<>();
    while (reader.nextPart()) {
      bodies.add(reader.body().readAllBytes());
    }
    return bodies;
  }

  private static List<byte[]> readAll(byte[] multipart) throws IOException {
    return readAll(new MultipartRelatedReader(new ByteArrayInputStream(multipart), BOUNDARY));
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** A stream that hands out at most one byte per read, like a slow network. */
  private static final class OneByteAtATime extends FilterInputStream {
    OneByteAtATime(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, 1));
    }
  }

  @Test
  void readsSeveralPartsBackByteIdentical() throws IOException {
    byte[] first = ascii("first part");
    byte[] second = random(5000, 1);
    byte[] third = new byte[0];
    List<byte[]> bodies =
        readAll(encode("", List.of(Part.dicom(first), Part.dicom(second), Part.dicom(third)), ""));
    assertEquals(3, bodies.size());
    assertArrayEquals(first, bodies.get(0));
    assertArrayEquals(second, bodies.get(1));
    assertArrayEquals(third, bodies.get(2));
  }

  @Test
  void keepsBinaryContentThatContainsPrefixesOfTheDelimiterAndBareLineBreaks() throws IOException {
    ByteArrayOutputStream tricky = new ByteArrayOutputStream();
    tricky.write(ascii("\r\n"));
    tricky.write(ascii("\r\n-"));
    tricky.write(ascii("\r\n--"));
    tricky.write(ascii("\r\n--vetpacs-boundary-4")); // all but the last character
    tricky.write(ascii("\n--" + BOUNDARY)); // LF without CR is not a delimiter
    tricky.write(ascii("\r--" + BOUNDARY)); // CR without LF is not a delimiter
    tricky.write(ascii("--" + BOUNDARY)); // no line break before it
    tricky.write(new byte[] {0, (byte) 0xFF, '\r', '\r', '\n', '\n', 0});
    tricky.write(ascii("\r\n-")); // ends with a prefix of the delimiter
    byte[] body = tricky.toByteArray();
    List<byte[]> bodies = readAll(encode("", List.of(Part.dicom(body), Part.dicom(body)), ""));
    assertEquals(2, bodies.size());
    assertArrayEquals(body, bodies.get(0));
    assertArrayEquals(body, bodies.get(1));
  }

  @Test
  void readsPartsLargerThanTheBufferByteIdentical() throws IOException {
    byte[] big = random(1024 * 1024, 7);
    byte[] other = random(64 * 1024 + 1, 8);
    List<byte[]> bodies = readAll(encode("", List.of(Part.dicom(big), Part.dicom(other)), ""));
    assertEquals(2, bodies.size());
    assertArrayEquals(big, bodies.get(0));
    assertArrayEquals(other, bodies.get(1));
  }

  @Test
  void readsPartsWhoseDelimiterStraddlesTheBufferEdge() throws IOException {
    // Bodies of sizes around the 256 KiB buffer put the delimiter across a refill.
    for (int size = 256 * 1024 - 40; size <= 256 * 1024 + 40; size += 7) {
      byte[] body = random(size, size);
      List<byte[]> bodies = readAll(encode("", List.of(Part.dicom(body), Part.dicom(body)), ""));
      assertEquals(2, bodies.size(), "size " + size);
      assertArrayEquals(body, bodies.get(0), "size " + size);
      assertArrayEquals(body, bodies.get(1), "size " + size);
    }
  }

  @Test
  void readsPartsByteIdenticalWhenNetworkAndConsumerUseUnevenChunks() throws IOException {
    // The delimiter search remembers how far it looked; uneven refills (network) and reads
    // (consumer) move and shift the buffer under it in every possible way.
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      parts.add(Part.dicom(random(1 + i * 37_001, 100 + i)));
    }
    byte[] multipart = encode("", parts, "");
    Random chunks = new Random(3);
    InputStream network =
        new FilterInputStream(new ByteArrayInputStream(multipart)) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1 + chunks.nextInt(20_000)));
          }
        };
    MultipartRelatedReader reader = new MultipartRelatedReader(network, BOUNDARY);
    int index = 0;
    while (reader.nextPart()) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      byte[] piece = new byte[70_000];
      int n;
      while ((n = reader.body().read(piece, 0, 1 + chunks.nextInt(piece.length))) >= 0) {
        body.write(piece, 0, n);
      }
      assertArrayEquals(parts.get(index).body(), body.toByteArray(), "part " + index);
      index++;
    }
    assertEquals(parts.size(), index);
  }

  @Test
  void findsTheDelimiterAmongManyPartialDelimitersInTheBody() throws IOException {
    // Bodies made of fragments of the delimiter (prefixes, suffixes, middles) stress the search's
    // skips: any fragment but the whole delimiter is body.
    byte[] delimiter = ascii("\r\n--" + BOUNDARY);
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (body.size() < 2000) {
        int from = random.nextInt(delimiter.length);
        int to = from + 1 + random.nextInt(delimiter.length - from);
        if (from == 0 && to == delimiter.length) {
          to--; // never the whole delimiter
        }
        body.write(delimiter, from, to - from);
        if (random.nextBoolean()) {
          body.write(random.nextInt(256));
        }
      }
      byte[] bytes = body.toByteArray();
      if (new String(bytes, StandardCharsets.ISO_8859_1)
          .contains(new String(delimiter, StandardCharsets.ISO_8859_1))) {
        continue; // two fragments happened to make the whole delimiter
      }
      List<byte[]> bodies = readAll(encode("", List.of(Part.dicom(bytes), Part.dicom(bytes)), ""));
      assertEquals(2, bodies.size(), "round " + round);
      assertArrayEquals(bytes, bodies.get(0), "round " + round);
      assertArrayEquals(bytes, bodies.get(1), "round " + round);
    }
  }

  @Test
  void readsBodyByteByByteThroughSingleByteRead() throws IOException {
    byte[] body = ascii("abc\r\n--vetpacs\r\ndef");
    MultipartRelatedReader reader =
        new MultipartRelatedReader(
            new ByteArrayInputStream(encode("", List.of(Part.dicom(body)), "")), BOUNDARY);
    assertTrue(reader.nextPart());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int b;
    while ((b = reader.body().read()) >= 0) {
      out.write(b);
    }
    assertArrayEquals(body, out.toByteArray());
    assertFalse(reader.nextPart());
  }

  @Test
  void ignoresPreambleAndEpilogue() throws IOException {
    byte[] body = ascii("payload");
    byte[] multipart =
        encode(
            "This is the preamble.\r\n--not-our-boundary\r\n",
            List.of(Part.dicom(body)),
            "\r\nThis is the epilogue, even with --" + BOUNDARY + " in it.\r\n");
    List<byte[]> bodies = readAll(multipart);
    assertEquals(1, bodies.size());
    assertArrayEquals(body, bodies.get(0));
  }

  @Test
  void acceptsTransportPaddingAfterTheDelimiter() throws IOException {
    byte[] multipart =
        ascii("--" + BOUNDARY + " \t\r\nContent-Type: application/dicom\r\n\r\nx\r\n--" + BOUNDARY
            + "--\r\n");
    List<byte[]> bodies = readAll(multipart);
    assertEquals(1, bodies.size());
    assertArrayEquals(ascii("x"), bodies.get(0));
  }

  @Test
  void parsesPartHeadersWithLowerCaseNamesAndTrimmedValues() throws IOException {
    Part part =
        new Part(
            List.of(
                "Content-Type:   application/dicom; transfer-syntax=1.2.840.10008.1.2.1  ",
                "CONTENT-LOCATION: http://example.org/a",
                "X-Custom-Header:value:with:colons"),
            ascii("x"));
    MultipartRelatedReader reader =
        new MultipartRelatedReader(
            new ByteArrayInputStream(encode("", List.of(part, Part.dicom(ascii("y"))), "")),
            BOUNDARY);
    assertTrue(reader.nextPart());
    Map<String, String> headers = reader.headers();
    assertEquals(
        "application/dicom; transfer-syntax=1.2.840.10008.1.2.1", headers.get("content-type"));
    assertEquals("http://example.org/a", headers.get("content-location"));
    assertEquals("value:with:colons", headers.get("x-custom-header"));
    assertEquals(3, headers.size());
    assertTrue(reader.nextPart());
    assertEquals(Map.of("content-type", "application/dicom"), reader.headers());
    assertFalse(reader.nextPart());
  }

  @Test
  void partWithoutHeadersHasEmptyHeaderMap() throws IOException {
    MultipartRelatedReader reader =
        new MultipartRelatedReader(
            new ByteArrayInputStream(encode("", List.of(new Part(List.of(), ascii("z"))), "")),
            BOUNDARY);
    assertTrue(reader.nextPart());
    assertTrue(reader.headers().isEmpty());
    assertArrayEquals(ascii("z"), reader.body().readAllBytes());
  }

  @Test
  void skipsUnreadRestOfPartOnNextPart() throws IOException {
    byte[] first = random(200_000, 3);
    byte[] second = ascii("second");
    MultipartRelatedReader reader =
        new MultipartRelatedReader(
            new ByteArrayInputStream(
                encode("", List.of(Part.dicom(first), Part.dicom(second)), "")),
            BOUNDARY);
    assertTrue(reader.nextPart());
    assertEquals(first[0] & 0xFF, reader.body().read()); // read one byte, leave the rest
    assertTrue(reader.nextPart());
    assertArrayEquals(second, reader.body().readAllBytes());
    assertFalse(reader.nextPart());
    assertFalse(reader.nextPart(), "stays finished");
  }

  @Test
  void worksWhenTheStreamReturnsOneBytePerRead() throws IOException {
    byte[] big = random(150_000, 11);
    byte[] tricky = ascii("\r\n--vetpacs-boundary-4\r\n--\r\n");
    byte[] multipart = encode("preamble", List.of(Part.dicom(big), Part.dicom(tricky)), "epi");
    List<byte[]> bodies =
        readAll(new MultipartRelatedReader(new OneByteAtATime(new ByteArrayInputStream(multipart)),
            BOUNDARY));
    assertEquals(2, bodies.size());
    assertArrayEquals(big, bodies.get(0));
    assertArrayEquals(tricky, bodies.get(1));
  }

  @Test
  void missingClosingBoundaryIsMalformed() throws IOException {
    byte[] multipart =
        ascii("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\ntruncated upl");
    MultipartRelatedReader reader =
        new MultipartRelatedReader(new ByteArrayInputStream(multipart), BOUNDARY);
    assertTrue(reader.nextPart());
    assertThrows(MalformedMultipartException.class, () -> reader.body().readAllBytes());
  }

  @Test
  void missingClosingBoundaryIsMalformedEvenIfThePartIsNotRead() throws IOException {
    byte[] multipart =
        ascii("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n"
            + "x".repeat(100_000));
    MultipartRelatedReader reader =
        new MultipartRelatedReader(new ByteArrayInputStream(multipart), BOUNDARY);
    assertTrue(reader.nextPart());
    assertThrows(MalformedMultipartException.class, reader::nextPart);
  }

  @Test
  void bodyWithoutAnyBoundaryIsMalformed() {
    MultipartRelatedReader reader =
        new MultipartRelatedReader(new ByteArrayInputStream(ascii("just some text")), BOUNDARY);
    assertThrows(MalformedMultipartException.class, reader::nextPart);
  }

  @Test
  void bodyEndingRightAfterABoundaryIsMalformed() throws IOException {
    MultipartRelatedReader atStart =
        new MultipartRelatedReader(new ByteArrayInputStream(ascii("--" + BOUNDARY)), BOUNDARY);
    assertThrows(MalformedMultipartException.class, atStart::nextPart);

    byte[] afterPart =
        ascii("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\nx\r\n--" + BOUNDARY);
    MultipartRelatedReader reader =
        new MultipartRelatedReader(new ByteArrayInputStream(afterPart), BOUNDARY);
    assertTrue(reader.nextPart());
    assertArrayEquals(ascii("x"), reader.body().readAllBytes());
    assertThrows(MalformedMultipartException.class, reader::nextPart);
  }

  @Test
  void bodyEndingInsidePartHeadersIsMalformed() {
    byte[] multipart = ascii("--" + BOUNDARY + "\r\nContent-Type: applic");
    MultipartRelatedReader reader =
        new MultipartRelatedReader(new ByteArrayInputStream(multipart), BOUNDARY);
    assertThrows(MalformedMultipartException.class, reader::nextPart);
  }

  @Test
  void headerLineWithoutColonIsMalformed() {
    byte[] multipart =
        ascii("--" + BOUNDARY + "\r\nno colon here\r\n\r\nx\r\n--" + BOUNDARY + "--");
    MultipartRelatedReader reader =
        new MultipartRelatedReader(new ByteArrayInputStream(multipart), BOUNDARY);
    assertThrows(MalformedMultipartException.class, reader::nextPart);
  }

  @Test
  void charactersAfterABoundaryAreMalformed() {
    byte[] multipart = ascii("--" + BOUNDARY + "junk\r\n\r\nx\r\n--" + BOUNDARY + "--");
    MultipartRelatedReader reader =
        new MultipartRelatedReader(new ByteArrayInputStream(multipart), BOUNDARY);
    assertThrows(MalformedMultipartException.class, reader::nextPart);
  }

  @Test
  void oversizedPartHeadersAreMalformed() {
    byte[] multipart =
        ascii("--" + BOUNDARY + "\r\nX-Long: " + "a".repeat(20_000) + "\r\n\r\nx\r\n--"
            + BOUNDARY + "--");
    MultipartRelatedReader reader =
        new MultipartRelatedReader(new ByteArrayInputStream(multipart), BOUNDARY);
    assertThrows(MalformedMultipartException.class, reader::nextPart);
  }

  @Test
  void emptyMultipartWithOnlyTheCloseDelimiterHasNoParts() throws IOException {
    assertTrue(readAll(ascii("--" + BOUNDARY + "--\r\n")).isEmpty());
  }

  @Test
  void rejectsMissingEmptyOrOverlongBoundary() {
    InputStream in = new ByteArrayInputStream(new byte[0]);
    assertThrows(IllegalArgumentException.class, () -> new MultipartRelatedReader(in, null));
    assertThrows(IllegalArgumentException.class, () -> new MultipartRelatedReader(in, ""));
    assertThrows(
        IllegalArgumentException.class, () -> new MultipartRelatedReader(in, "b".repeat(71)));
    new MultipartRelatedReader(in, "b".repeat(70)); // the longest RFC 2046 allows
  }
}
