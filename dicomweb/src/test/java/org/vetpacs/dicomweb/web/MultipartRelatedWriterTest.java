package org.vetpacs.dicomweb.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartRelatedWriterTest {

  @Test
  void partsReadBackWithTheirHeadersAndExactBytes() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String boundary = MultipartRelatedWriter.newBoundary();
    MultipartRelatedWriter writer = new MultipartRelatedWriter(body, boundary);
    byte[] first = {0, 1, 2, '\r', '\n', '-', '-'};
    byte[] second = new byte[100_000];
    for (int i = 0; i < second.length; i++) {
      second[i] = (byte) (i * 31);
    }
    writer.part("application/dicom; transfer-syntax=1.2.840.10008.1.2.1", "http://h/a", first.length,
        out -> out.write(first));
    writer.part("application/octet-stream", null, -1, out -> out.write(second));
    writer.finish();
    assertEquals(2, writer.parts());

    MultipartRelatedReader reader =
        new MultipartRelatedReader(new ByteArrayInputStream(body.toByteArray()), boundary);
    reader.nextPart();
    assertEquals("application/dicom; transfer-syntax=1.2.840.10008.1.2.1",
        reader.headers().get("content-type"));
    assertEquals("http://h/a", reader.headers().get("content-location"));
    assertEquals("7", reader.headers().get("content-length"));
    assertArrayEquals(first, reader.body().readAllBytes());
    reader.nextPart();
    assertFalse(reader.headers().containsKey("content-location"));
    assertArrayEquals(second, reader.body().readAllBytes());
    assertFalse(reader.nextPart());
  }

  @Test
  void contentTypeNamesRootTypeAndBoundary() {
    assertEquals("multipart/related; type=\"application/dicom\"; boundary=b1",
        MultipartRelatedWriter.contentType("application/dicom", "b1"));
  }

  @Test
  void emptyBodyIsJustTheCloseDelimiter() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    new MultipartRelatedWriter(body, "b").finish();
    assertEquals("--b--\r\n", body.toString(StandardCharsets.US_ASCII));
  }

  @Test
  void announcedLengthOfABodyEqualsTheBytesWritten() throws Exception {
    String boundary = MultipartRelatedWriter.newBoundary();
    byte[][] bodies = {new byte[0], new byte[7], new byte[300_000]};
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    MultipartRelatedWriter writer = new MultipartRelatedWriter(body, boundary);
    long announced = MultipartRelatedWriter.finishLength(boundary);
    for (int i = 0; i < bodies.length; i++) {
      byte[] part = bodies[i];
      String location = i == 1 ? null : "http://h/studies/1/series/2/instances/" + i;
      announced +=
          MultipartRelatedWriter.partLength(boundary, "application/dicom", location, part.length);
      writer.part("application/dicom", location, part.length, out -> out.write(part));
    }
    writer.finish();
    assertEquals(announced, body.size());
  }

  @Test
  void aPartThatIsShorterOrLongerThanAnnouncedBreaksTheResponseOff() {
    MultipartRelatedWriter writer = new MultipartRelatedWriter(new ByteArrayOutputStream(), "b");
    assertThrows(IOException.class,
        () -> writer.part("application/dicom", null, 10, out -> out.write(new byte[9])));
    assertThrows(IOException.class,
        () -> writer.part("application/dicom", null, 10, out -> out.write(new byte[11])));
  }
}
