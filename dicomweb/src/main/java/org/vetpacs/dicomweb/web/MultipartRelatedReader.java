package org.vetpacs.dicomweb.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A streaming reader of a multipart body (RFC 2046 5.1): each part's body is read straight from the
 * request stream through a bounded buffer, so a 500 MB part never sits in memory.
 *
 * <p>Usage: {@code while (reader.nextPart()) { reader.headers(); reader.body() ... }}. The body
 * stream of a part is valid until the next call of {@link #nextPart()}.
 */
public final class MultipartRelatedReader {

  private static final int BUFFER_SIZE = 256 * 1024;
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final InputStream in;
  private final byte[] delimiter; // CRLF "--" boundary
  private final int[] shift;
  private final byte[] buffer;
  private int position;
  private int limit;
  /**
   * No delimiter starts in the buffer before this index (from {@code position}): the part of the
   * buffer already searched is not searched again on the next read, so each byte of the body is
   * looked at once (the consumer reads in smaller pieces than the buffer holds).
   */
  private int searchedUpTo;
  private boolean eof;
  private boolean finished;
  private PartStream current;
  private Map<String, String> headers = Map.of();

  public MultipartRelatedReader(InputStream in, String boundary) {
    if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
      throw new IllegalArgumentException("A multipart boundary of 1 to 70 characters is required");
    }
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    this.shift = shiftTable(delimiter);
    this.buffer = new byte[BUFFER_SIZE + delimiter.length];
    // A virtual CRLF before the body lets the first boundary match the same delimiter.
    buffer[0] = '\r';
    buffer[1] = '\n';
    limit = 2;
    current = new PartStream(); // the preamble, discarded
  }

  /**
   * Advances to the next part, skipping whatever remains of the current one.
   *
   * @return false after the close delimiter
   */
  public boolean nextPart() throws IOException {
    if (finished) {
      return false;
    }
    current.skipRest();
    // After the delimiter: "--" ends the body, otherwise optional whitespace then CRLF.
    if (!ensure(2)) {
      throw new MalformedMultipartException("The body ends right after a boundary");
    }
    if (buffer[position] == '-' && buffer[position + 1] == '-') {
      finished = true;
      return false;
    }
    String line = readLine();
    if (!line.isBlank()) {
      throw new MalformedMultipartException("Unexpected characters after a boundary");
    }
    headers = readHeaders();
    current = new PartStream();
    return true;
  }

  /** Headers of the current part, names in lower case. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The body of the current part. */
  public InputStream body() {
    return current;
  }

  private Map<String, String> readHeaders() throws IOException {
    Map<String, String> result = new TreeMap<>();
    int total = 0;
    while (true) {
      String line = readLine();
      total += line.length() + 2;
      if (total > MAX_HEADER_BYTES) {
        throw new MalformedMultipartException("Part headers are too long");
      }
      if (line.isEmpty()) {
        return result;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new MalformedMultipartException("Malformed part header line");
      }
      result.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      if (!ensure(1)) {
        throw new MalformedMultipartException("The body ends inside part headers");
      }
      byte b = buffer[position++];
      if (b == '\n') {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
          line.setLength(length - 1);
        }
        return line.toString();
      }
      line.append((char) (b & 0xFF));
      if (line.length() > MAX_HEADER_BYTES) {
        throw new MalformedMultipartException("Part header line is too long");
      }
    }
  }

  /** Makes at least {@code n} bytes available unless the stream ends; false if it ended. */
  private boolean ensure(int n) throws IOException {
    while (limit - position < n && !eof) {
      if (position > 0) {
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        searchedUpTo = Math.max(0, searchedUpTo - position);
        position = 0;
      }
      int read = in.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        eof = true;
      } else {
        limit += read;
      }
    }
    return limit - position >= n;
  }

  /**
   * Index of the delimiter in the buffer from {@code position}, or -1. Boyer-Moore-Horspool: the
   * last byte of each window decides how far the window moves, so a body is looked at about once
   * every delimiter length (a 15 MB DR image in a few hundred thousand steps instead of 15
   * million).
   */
  private int findDelimiter() {
    int m = delimiter.length;
    int last = limit - m;
    int i = Math.max(searchedUpTo, position);
    while (i <= last) {
      int j = m - 1;
      while (j >= 0 && buffer[i + j] == delimiter[j]) {
        j--;
      }
      if (j < 0) {
        searchedUpTo = i;
        return i;
      }
      i += shift[buffer[i + m - 1] & 0xFF];
    }
    // No window before i can match (Horspool's shift guarantees it for the windows it skipped):
    // never look at those starts again.
    searchedUpTo = i;
    return -1;
  }

  /** Horspool's bad-character shifts of the delimiter. */
  private static int[] shiftTable(byte[] pattern) {
    int[] table = new int[256];
    java.util.Arrays.fill(table, pattern.length);
    for (int k = 0; k < pattern.length - 1; k++) {
      table[pattern[k] & 0xFF] = pattern.length - 1 - k;
    }
    return table;
  }

  /** The body of one part: ends where the next delimiter starts. */
  private final class PartStream extends InputStream {
    private boolean done;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      if (done) {
        return -1;
      }
      if (length == 0) {
        return 0;
      }
      ensure(delimiter.length);
      int found = findDelimiter();
      int available;
      if (found == position) {
        position += delimiter.length;
        done = true;
        return -1;
      } else if (found > 0) {
        available = found - position;
      } else if (eof) {
        throw new MalformedMultipartException(
            "The body ends without the closing boundary (truncated upload?)");
      } else {
        // Bytes before searchedUpTo start no delimiter; neither do those before the last
        // (delimiter length - 1) bytes, which may begin one that is not complete yet.
        available =
            Math.min(
                limit - position,
                Math.max(searchedUpTo - position, limit - position - (delimiter.length - 1)));
      }
      int n = Math.min(available, length);
      System.arraycopy(buffer, position, target, offset, n);
      position += n;
      return n;
    }

    void skipRest() throws IOException {
      byte[] sink = new byte[8192];
      while (read(sink, 0, sink.length) >= 0) {
        // discard
      }
    }
  }
}
