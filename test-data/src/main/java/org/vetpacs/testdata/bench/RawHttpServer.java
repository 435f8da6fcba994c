package org.vetpacs.testdata.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The least a server can do over loopback, for the loopback ceilings: one thread, persistent
 * HTTP/1.1 connections (RFC 9112). A GET is answered {@code 200} with a {@code Content-Length}
 * body of {@code size} bytes written from one direct buffer (no copy in the JVM, one copy into the
 * kernel per byte); a request with a body (a POST with a {@code Content-Length}) has its body read
 * into a direct buffer and dropped, then is answered {@code 200} with an empty body. Whatever the
 * bench's client receives from it, or sends to it, is the most that client can receive from, or
 * send to, any server on this machine.
 */
final class RawHttpServer implements AutoCloseable {

  private static final int BLOCK = 1024 * 1024;
  private static final byte[] EMPTY_OK =
      "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocketChannel listener;
  private final long size;
  private final Thread thread;

  /**
   * Starts listening on an ephemeral loopback port.
   *
   * @param size the body size of every response
   */
  RawHttpServer(long size) throws IOException {
    this.size = size;
    this.listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    this.thread = new Thread(this::serve, "raw-http-ceiling");
    thread.setDaemon(true);
    thread.start();
  }

  /** The DICOMweb-style root the client is given, e.g. {@code http://127.0.0.1:PORT}. */
  String root() throws IOException {
    return "http://127.0.0.1:" + ((InetSocketAddress) listener.getLocalAddress()).getPort();
  }

  private void serve() {
    ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
    while (block.hasRemaining()) {
      block.put((byte) 0x5A);
    }
    ByteBuffer sink = ByteBuffer.allocateDirect(BLOCK); // uploads land here, not in block
    ByteBuffer request = ByteBuffer.allocate(16 * 1024);
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
        + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    while (listener.isOpen()) {
      try (SocketChannel connection = listener.accept()) {
        request.clear();
        long bodyLength;
        while ((bodyLength = readHead(connection, request)) >= 0) {
          if (bodyLength > 0) {
            discard(connection, request, bodyLength, sink);
            connection.write(ByteBuffer.wrap(EMPTY_OK));
            continue;
          }
          connection.write(ByteBuffer.wrap(head));
          for (long sent = 0; sent < size; ) {
            ByteBuffer slice = block.duplicate().clear();
            slice.limit((int) Math.min(BLOCK, size - sent));
            while (slice.hasRemaining()) {
              sent += connection.write(slice);
            }
          }
        }
      } catch (IOException e) {
        // closed by close() or by the client: next connection, or the end
      }
    }
  }

  /**
   * Reads one request head; its Content-Length (0 for none), or -1 at the end of the connection.
   */
  private static long readHead(SocketChannel connection, ByteBuffer request) throws IOException {
    while (true) {
      int end = endOfHead(request);
      if (end >= 0) {
        byte[] head = new byte[end];
        request.get(0, head);
        // keep what the client already sent after this head (its body, or a pipelined request)
        request.flip().position(end);
        request.compact();
        return contentLength(new String(head, StandardCharsets.US_ASCII));
      }
      if (!request.hasRemaining() || connection.read(request) < 0) {
        return -1;
      }
    }
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
        return Long.parseLong(line.substring(colon + 1).trim());
      }
    }
    return 0;
  }

  /** Reads and drops a body of {@code length} bytes, the first ones already in {@code request}. */
  private static void discard(
      SocketChannel connection, ByteBuffer request, long length, ByteBuffer sink)
      throws IOException {
    request.flip();
    long left = length;
    int buffered = (int) Math.min(left, request.remaining());
    request.position(buffered);
    left -= buffered;
    request.compact();
    while (left > 0) {
      ByteBuffer into = sink.clear();
      into.limit((int) Math.min(BLOCK, left));
      int n = connection.read(into);
      if (n < 0) {
        throw new IOException("the client closed the connection inside a body");
      }
      left -= n;
    }
  }

  private static int endOfHead(ByteBuffer request) {
    for (int i = 3; i < request.position(); i++) {
      if (request.get(i - 3) == '\r' && request.get(i - 2) == '\n' && request.get(i - 1) == '\r'
          && request.get(i) == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
