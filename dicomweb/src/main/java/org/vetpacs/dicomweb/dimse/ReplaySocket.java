package org.vetpacs.dicomweb.dimse;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * A connected socket whose input starts with bytes already read from it: after {@link
 * AssociateRequestScreen} has read the A-ASSOCIATE-RQ to check the AE titles, PixelMed's acceptor
 * reads the same PDU again from here. Every other call goes to the real socket.
 *
 * <p>It also reports when an A-RELEASE-RP PDU (type 06H, PS3.8 9.3.7) has been written: PixelMed
 * then waits a fixed 5 s (its ARTIM) before closing, holding a handler thread, although the peer
 * closes the connection at once (PS3.8 9.2.3, state 13); the listener uses the report to end that
 * wait as soon as the peer has closed.
 */
final class ReplaySocket extends Socket {

  private static final int A_RELEASE_RP = 0x06;
  private static final int A_RELEASE_RP_LENGTH = 10;

  private final Socket delegate;
  private final InputStream input;
  private final OutputStream output;
  private volatile Runnable onReleaseResponse = () -> {};

  ReplaySocket(Socket delegate, byte[] alreadyRead) throws IOException {
    this.delegate = delegate;
    this.input =
        new SequenceInputStream(new ByteArrayInputStream(alreadyRead), delegate.getInputStream());
    this.output =
        new FilterOutputStream(delegate.getOutputStream()) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (len == A_RELEASE_RP_LENGTH && b[off] == A_RELEASE_RP) {
              out.flush();
              onReleaseResponse.run();
            }
          }
        };
  }

  /** Runs {@code action} after an A-RELEASE-RP has been written. */
  void onReleaseResponse(Runnable action) {
    this.onReleaseResponse = action;
  }

  /** The real socket's input, after the replayed bytes (for watching the peer close). */
  InputStream rawInput() throws IOException {
    return delegate.getInputStream();
  }

  @Override
  public InputStream getInputStream() {
    return input;
  }

  @Override
  public OutputStream getOutputStream() {
    return output;
  }

  @Override
  public synchronized void close() throws IOException {
    delegate.close();
  }

  @Override
  public boolean isClosed() {
    return delegate.isClosed();
  }

  @Override
  public boolean isConnected() {
    return delegate.isConnected();
  }

  @Override
  public void shutdownOutput() throws IOException {
    delegate.shutdownOutput();
  }

  @Override
  public void shutdownInput() throws IOException {
    delegate.shutdownInput();
  }

  @Override
  public synchronized void setSoTimeout(int timeout) throws SocketException {
    delegate.setSoTimeout(timeout);
  }

  @Override
  public synchronized int getSoTimeout() throws SocketException {
    return delegate.getSoTimeout();
  }

  @Override
  public synchronized void setReceiveBufferSize(int size) throws SocketException {
    delegate.setReceiveBufferSize(size);
  }

  @Override
  public synchronized int getReceiveBufferSize() throws SocketException {
    return delegate.getReceiveBufferSize();
  }

  @Override
  public synchronized void setSendBufferSize(int size) throws SocketException {
    delegate.setSendBufferSize(size);
  }

  @Override
  public synchronized int getSendBufferSize() throws SocketException {
    return delegate.getSendBufferSize();
  }

  @Override
  public void setTcpNoDelay(boolean on) throws SocketException {
    delegate.setTcpNoDelay(on);
  }

  @Override
  public boolean getTcpNoDelay() throws SocketException {
    return delegate.getTcpNoDelay();
  }

  @Override
  public void setSoLinger(boolean on, int linger) throws SocketException {
    delegate.setSoLinger(on, linger);
  }

  @Override
  public int getSoLinger() throws SocketException {
    return delegate.getSoLinger();
  }

  @Override
  public InetAddress getInetAddress() {
    return delegate.getInetAddress();
  }

  @Override
  public InetAddress getLocalAddress() {
    return delegate.getLocalAddress();
  }

  @Override
  public int getPort() {
    return delegate.getPort();
  }

  @Override
  public int getLocalPort() {
    return delegate.getLocalPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return delegate.getRemoteSocketAddress();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return delegate.getLocalSocketAddress();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
