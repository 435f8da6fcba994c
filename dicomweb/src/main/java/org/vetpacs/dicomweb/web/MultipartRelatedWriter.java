package org.vetpacs.dicomweb.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes a {@code multipart/related} body (RFC 2387, RFC 2046 5.1) part by part straight to the
 * response stream, as every WADO-RS retrieve answers (PS3.18 8.7.3.1 / 10.4.3.3): each part has a
 * Content-Type (with its transfer-syntax parameter where PS3.18 8.7.3.5 asks for one), and a
 * Content-Location naming the resource it holds. Nothing is buffered beyond one part's headers.
 */
public final class MultipartRelatedWriter {

  private static final byte[] CRLF = {'\r', '\n'};

  /** Writes the body of one part. */
  @FunctionalInterface
  public interface PartBody {
    void writeTo(OutputStream out) throws IOException;
  }

  private final OutputStream out;
  private final String boundary;
  private int parts;

  public MultipartRelatedWriter(OutputStream out, String boundary) {
    this.out = out;
    this.boundary = boundary;
  }

  /** A fresh boundary: a random UUID, which no DICOM data contains by accident. */
  public static String newBoundary() {
    return UUID.randomUUID().toString();
  }

  /** The Content-Type of the whole body, e.g. {@code multipart/related; type="application/dicom"}. */
  public static String contentType(String rootType, String boundary) {
    return DicomMediaTypes.MULTIPART_RELATED
        + "; type=\""
        + rootType
        + "\"; boundary="
        + boundary;
  }

  /**
   * Writes one part.
   *
   * @param contentType the part's Content-Type
   * @param contentLocation the part's Content-Location, or null for none
   * @param length the body length for a Content-Length header, or -1 to leave it out
   * @param body writes exactly the body
   * @throws IOException also if {@code body} wrote other than {@code length} bytes: the response
   *     is then broken off rather than sent with a wrong length
   */
  public void part(String contentType, String contentLocation, long length, PartBody body)
      throws IOException {
    out.write(head(boundary, contentType, contentLocation, length));
    if (length >= 0) {
      ExactLengthOutputStream exact = new ExactLengthOutputStream(out, length);
      body.writeTo(exact);
      exact.checkComplete();
    } else {
      body.writeTo(out);
    }
    out.write(CRLF);
    parts++;
  }

  /** Writes the close delimiter; the body is complete after it. */
  public void finish() throws IOException {
    out.write(close(boundary));
    out.flush();
  }

  /**
   * The bytes {@link #part} writes for a part with a body of {@code length} bytes: for the
   * Content-Length of a whole body whose parts' lengths are all known in advance.
   */
  public static long partLength(
      String boundary, String contentType, String contentLocation, long length) {
    if (length < 0) {
      throw new IllegalArgumentException("A part of unknown length");
    }
    return head(boundary, contentType, contentLocation, length).length + length + CRLF.length;
  }

  /** The bytes {@link #finish} writes. */
  public static long finishLength(String boundary) {
    return close(boundary).length;
  }

  /** A part's delimiter and headers (RFC 2046 5.1.1), up to the empty line before its body. */
  private static byte[] head(
      String boundary, String contentType, String contentLocation, long length) {
    StringBuilder headers = new StringBuilder(160);
    headers.append("--").append(boundary).append("\r\nContent-Type: ").append(contentType);
    if (length >= 0) {
      headers.append("\r\nContent-Length: ").append(length);
    }
    if (contentLocation != null) {
      headers.append("\r\nContent-Location: ").append(contentLocation);
    }
    headers.append("\r\n\r\n");
    return headers.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] close(String boundary) {
    return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** How many parts were written. */
  public int parts() {
    return parts;
  }
}
