package org.vetpacs.dicomweb.dimse;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Reads the first PDU of a new connection and decides, from the AE titles of an A-ASSOCIATE-RQ,
 * whether the association may go on to PixelMed's acceptor (which has no hook for the calling AE
 * title). The PDU's bytes are kept so that the acceptor can read them again ({@link
 * ReplaySocket}).
 *
 * <p>A-ASSOCIATE-RQ layout (PS3.8 9.3.2): type 01H, reserved, 4-byte length, protocol version,
 * reserved, Called-AE-title (bytes 11-26), Calling-AE-title (bytes 27-42), ... A-ASSOCIATE-RJ
 * layout (PS3.8 9.3.4): type 03H, reserved, length 4, reserved, Result, Source, Reason/Diag.
 */
final class AssociateRequestScreen {

  /** A-ASSOCIATE-RJ Result (PS3.8 9.3.4): 1 rejected-permanent, 2 rejected-transient. */
  static final int REJECTED_PERMANENT = 1;

  static final int REJECTED_TRANSIENT = 2;

  /** A-ASSOCIATE-RJ Source: 1 service-user, 3 service-provider (presentation related). */
  static final int SOURCE_SERVICE_USER = 1;

  static final int SOURCE_SERVICE_PROVIDER_PRESENTATION = 3;

  /** Reason for source 3: 2 local-limit-exceeded (PS3.8 Table 9-21). */
  static final int LOCAL_LIMIT_EXCEEDED = 2;

  private static final int A_ASSOCIATE_RQ = 0x01;
  private static final int MAX_REQUEST_LENGTH = 1 << 20;

  /** The first PDU as read. */
  record FirstPdu(byte[] bytes, boolean associateRequest, String calledAeTitle,
      String callingAeTitle) {}

  private AssociateRequestScreen() {}

  /** Reads one whole PDU (header and body). */
  static FirstPdu read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    byte[] header = new byte[6];
    data.readFully(header);
    long length =
        (header[2] & 0xFFL) << 24 | (header[3] & 0xFFL) << 16 | (header[4] & 0xFFL) << 8
            | (header[5] & 0xFFL);
    if (length > MAX_REQUEST_LENGTH) {
      throw new IOException("First PDU of " + length + " bytes is implausibly large");
    }
    byte[] pdu = new byte[6 + (int) length];
    System.arraycopy(header, 0, pdu, 0, 6);
    data.readFully(pdu, 6, (int) length);
    boolean request = (header[0] & 0xFF) == A_ASSOCIATE_RQ && pdu.length >= 42;
    return new FirstPdu(
        pdu, request, request ? aeTitle(pdu, 10) : "", request ? aeTitle(pdu, 26) : "");
  }

  /** The 10 bytes of an A-ASSOCIATE-RJ PDU. */
  static byte[] rejectPdu(int result, int source, int reason) {
    return new byte[] {0x03, 0, 0, 0, 0, 4, 0, (byte) result, (byte) source, (byte) reason};
  }

  /**
   * Sends an A-ASSOCIATE-RJ and closes the connection once the peer has (PS3.8 9.2, state 13:
   * the requestor closes the transport; waiting briefly for it keeps the RJ from being lost to a
   * TCP reset).
   */
  static void reject(Socket socket, int result, int source, int reason) throws IOException {
    try (socket) {
      OutputStream out = socket.getOutputStream();
      out.write(rejectPdu(result, source, reason));
      out.flush();
      socket.shutdownOutput();
      socket.setSoTimeout(2_000);
      InputStream in = socket.getInputStream();
      byte[] drain = new byte[1024];
      while (in.read(drain) >= 0) {
        // discard until the peer closes
      }
    } catch (java.net.SocketTimeoutException e) {
      // the peer did not close in time: close anyway
    }
  }

  private static String aeTitle(byte[] pdu, int offset) {
    return new String(pdu, offset, 16, StandardCharsets.US_ASCII).strip();
  }
}
