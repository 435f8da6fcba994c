package org.vetpacs.server.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vetpacs.dicomweb.web.MultipartRelatedReader;

/** Helpers to build STOW-RS bodies and read WADO-RS answers in tests. */
final class Dicom {

  static final String BOUNDARY = "vetpacs-it-boundary-7f3a";
  static final String STOW_CONTENT_TYPE =
      "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY;

  private Dicom() {}

  /** A multipart/related body with one application/dicom part per file. */
  static byte[] multipart(List<Path> files) throws IOException {
    List<byte[]> parts = new ArrayList<>();
    for (Path file : files) {
      parts.add(Files.readAllBytes(file));
    }
    return multipartOfBytes(parts);
  }

  static byte[] multipartOfBytes(List<byte[]> parts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.write(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(part);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** The bodies of the parts of a multipart answer. */
  static List<byte[]> parts(byte[] body, String contentType) throws IOException {
    String boundary = null;
    for (String parameter : contentType.split(";")) {
      String p = parameter.trim();
      if (p.startsWith("boundary=")) {
        boundary = p.substring("boundary=".length()).replace("\"", "");
      }
    }
    if (boundary == null) {
      throw new IOException("No boundary in " + contentType);
    }
    MultipartRelatedReader reader =
        new MultipartRelatedReader(new ByteArrayInputStream(body), boundary);
    List<byte[]> parts = new ArrayList<>();
    while (reader.nextPart()) {
      parts.add(reader.body().readAllBytes());
    }
    return parts;
  }
}
