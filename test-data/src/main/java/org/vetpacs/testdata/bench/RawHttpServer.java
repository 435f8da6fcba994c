package org.vetpacs.testdata.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The least a server can do to answer a GET over loopback, for the loopback ceiling: one thread,
 * persistent HTTP/1.1 connections (RFC 9112), every request answered {@code 200} with a
 * {@code Content-Length} body of {@code size} bytes written from one direct buffer (no copy in the
 * JVM, one copy into the kernel per byte). Whatever the bench's client receives from it is the
 * most that client can receive from any server on this machine.
 */
final class RawHttpServer implements AutoCloseable {

  private static final int BLOCK = 1024 * 1024;

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
    ByteBuffer request = ByteBuffer.allocate(16 * 1024);
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
        + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    while (listener.isOpen()) {
      try (SocketChannel connection = listener.accept()) {
        request.clear();
        while (readHead(connection, request)) {
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

  /** Reads one request head (a GET: no body); false at the end of the connection. */
  private static boolean readHead(SocketChannel connection, ByteBuffer request) throws IOException {
    while (true) {
      int end = endOfHead(request);
      if (end >= 0) {
        // keep what the client already sent after this head (a pipelined request)
        request.flip().position(end);
        request.compact();
        return true;
      }
      if (!request.hasRemaining() || connection.read(request) < 0) {
        return false;
      }
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
