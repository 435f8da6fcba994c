package org.vetpacs.dicomweb.retrieve;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One part of a bulk data or frames answer, written when the response is streamed.
 *
 * @param mediaType e.g. application/octet-stream or image/jpeg (PS3.18 8.7.3.3.2)
 * @param transferSyntax the transfer-syntax parameter of the part, or null for none
 * @param length bytes the writer will write, or -1 if not known in advance
 * @param writer writes the bytes
 */
public record BinaryPart(String mediaType, String transferSyntax, long length, Writer writer) {

  /** Writes the body of a part. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  /** The Content-Type of the part, with its transfer-syntax parameter. */
  public String contentType() {
    return transferSyntax == null ? mediaType : mediaType + "; transfer-syntax=" + transferSyntax;
  }
}
