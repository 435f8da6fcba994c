package org.vetpacs.dicomweb.web;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes writes through and fails when they exceed, or on {@link #checkComplete} fall short of, the
 * length announced in a Content-Length header before them (RFC 9112 6.2, RFC 2046 5.1): a stored
 * blob whose size changed since the index recorded it (e.g. replaced by a header correction in the
 * meantime) breaks the response off instead of sending a body that does not match its length.
 */
final class ExactLengthOutputStream extends FilterOutputStream {

  private final long length;
  private long written;

  ExactLengthOutputStream(OutputStream out, long length) {
    super(out);
    this.length = length;
  }

  @Override
  public void write(int b) throws IOException {
    count(1);
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    count(len);
    out.write(b, off, len); // FilterOutputStream would write byte by byte
  }

  /** Throws unless exactly the announced length was written. */
  void checkComplete() throws IOException {
    if (written != length) {
      throw new IOException("Wrote " + written + " bytes where " + length + " were announced");
    }
  }

  private void count(int n) throws IOException {
    written += n;
    if (written > length) {
      throw new IOException("More than the " + length + " bytes announced");
    }
  }
}
