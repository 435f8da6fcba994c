package org.vetpacs.dicomweb.dimse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A DIMSE command set (group 0000), encoded as PS3.7 6.3.1 requires: Implicit VR Little Endian,
 * elements in ascending tag order, led by Command Group Length (0000,0000).
 *
 * <p>Written by hand rather than with PixelMed's {@code *CommandMessage} classes so that each
 * response carries exactly the elements PS3.7 9.3 asks for (e.g. no Number of Remaining
 * Sub-operations in a final C-MOVE response, an Error Comment on a failure).
 */
final class DimseCommand {

  // Command Field values, PS3.7 E.1
  static final int C_STORE_RQ = 0x0001;
  static final int C_GET_RQ = 0x0010;
  static final int C_FIND_RQ = 0x0020;
  static final int C_MOVE_RQ = 0x0021;
  static final int C_ECHO_RQ = 0x0030;
  static final int C_CANCEL_RQ = 0x0FFF;
  static final int RESPONSE_BIT = 0x8000;
  static final int C_STORE_RSP = C_STORE_RQ | RESPONSE_BIT;

  /** Command Data Set Type (0000,0800) value meaning "no data set" (PS3.7 E.1). */
  static final int NO_DATA_SET = 0x0101;

  // Command elements (PS3.7 E.1), element numbers of group 0000
  static final int AFFECTED_SOP_CLASS_UID = 0x0002;
  static final int COMMAND_FIELD = 0x0100;
  static final int MESSAGE_ID = 0x0110;
  static final int MESSAGE_ID_BEING_RESPONDED_TO = 0x0120;
  static final int MOVE_DESTINATION = 0x0600;
  static final int PRIORITY = 0x0700;
  static final int COMMAND_DATA_SET_TYPE = 0x0800;
  static final int STATUS = 0x0900;
  static final int ERROR_COMMENT = 0x0902;
  static final int AFFECTED_SOP_INSTANCE_UID = 0x1000;
  static final int REMAINING = 0x1020;
  static final int COMPLETED = 0x1021;
  static final int FAILED = 0x1022;
  static final int WARNING = 0x1023;
  static final int MOVE_ORIGINATOR_AE_TITLE = 0x1030;
  static final int MOVE_ORIGINATOR_MESSAGE_ID = 0x1031;

  /** Maximum length of Error Comment (VR LO, PS3.5 6.2). */
  private static final int LO_MAX = 64;

  private final TreeMap<Integer, byte[]> elements = new TreeMap<>();

  /** Decodes a command set received in command PDVs. */
  static DimseCommand parse(byte[] bytes) {
    DimseCommand command = new DimseCommand();
    int position = 0;
    while (position + 8 <= bytes.length) {
      int group = u16(bytes, position);
      int element = u16(bytes, position + 2);
      long length = u32(bytes, position + 4);
      position += 8;
      if (group != 0x0000 || length > bytes.length - position) {
        throw new IllegalArgumentException(
            String.format("Malformed command set at (%04X,%04X)", group, element));
      }
      byte[] value = new byte[(int) length];
      System.arraycopy(bytes, position, value, 0, value.length);
      position += value.length;
      if (element != 0x0000) {
        command.elements.put(element, value);
      }
    }
    return command;
  }

  /** A new response to {@code request}: Command Field, Message ID Being Responded To, Status. */
  static DimseCommand responseTo(DimseCommand request, int status) {
    DimseCommand response = new DimseCommand();
    response.putUs(COMMAND_FIELD, request.commandField() | RESPONSE_BIT);
    response.putUs(MESSAGE_ID_BEING_RESPONDED_TO, request.messageId());
    String sopClass = request.string(AFFECTED_SOP_CLASS_UID);
    if (!sopClass.isEmpty()) {
      response.putUid(AFFECTED_SOP_CLASS_UID, sopClass);
    }
    response.putUs(COMMAND_DATA_SET_TYPE, NO_DATA_SET);
    response.putUs(STATUS, status);
    return response;
  }

  int commandField() {
    return us(COMMAND_FIELD, -1);
  }

  int messageId() {
    return us(MESSAGE_ID, 0);
  }

  boolean hasDataSet() {
    return us(COMMAND_DATA_SET_TYPE, NO_DATA_SET) != NO_DATA_SET;
  }

  String affectedSopClassUid() {
    return string(AFFECTED_SOP_CLASS_UID);
  }

  String affectedSopInstanceUid() {
    return string(AFFECTED_SOP_INSTANCE_UID);
  }

  /** An unsigned short value, or {@code absent}. */
  int us(int element, int absent) {
    byte[] value = elements.get(element);
    return value == null || value.length < 2 ? absent : u16(value, 0);
  }

  /** A text value without padding, or "" when absent. */
  String string(int element) {
    byte[] value = elements.get(element);
    if (value == null) {
      return "";
    }
    int end = value.length;
    while (end > 0 && (value[end - 1] == 0 || value[end - 1] == ' ')) {
      end--;
    }
    int start = 0;
    while (start < end && value[start] == ' ') {
      start++;
    }
    return new String(value, start, end - start, StandardCharsets.US_ASCII);
  }

  DimseCommand putUs(int element, int value) {
    elements.put(element, new byte[] {(byte) value, (byte) (value >>> 8)});
    return this;
  }

  DimseCommand putUid(int element, String uid) {
    return putText(element, uid, (byte) 0);
  }

  /** An AE, LO or other text value, padded with a space (PS3.5 6.2). */
  DimseCommand putString(int element, String text) {
    return putText(element, text, (byte) ' ');
  }

  /** Error Comment (0000,0902), cut to the 64 characters of VR LO, ASCII only. */
  DimseCommand putErrorComment(String comment) {
    String clean = comment == null ? "" : comment.replaceAll("[^\\x20-\\x5B\\x5D-\\x7E]", "?");
    return putString(ERROR_COMMENT, clean.length() > LO_MAX ? clean.substring(0, LO_MAX) : clean);
  }

  /** Marks that a data set follows the command (any value but 0101H, PS3.7 E.1). */
  DimseCommand withDataSet() {
    return putUs(COMMAND_DATA_SET_TYPE, 0x0000);
  }

  private DimseCommand putText(int element, String text, byte padding) {
    byte[] raw = (text == null ? "" : text).getBytes(StandardCharsets.US_ASCII);
    byte[] value = new byte[raw.length + (raw.length % 2)];
    System.arraycopy(raw, 0, value, 0, raw.length);
    if (value.length != raw.length) {
      value[raw.length] = padding;
    }
    elements.put(element, value);
    return this;
  }

  /** The encoded command set, Command Group Length first. */
  byte[] encode() {
    ByteArrayOutputStream body = new ByteArrayOutputStream(128);
    for (Map.Entry<Integer, byte[]> e : elements.entrySet()) {
      writeElement(body, e.getKey(), e.getValue());
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream(body.size() + 12);
    byte[] length = new byte[4];
    int size = body.size();
    length[0] = (byte) size;
    length[1] = (byte) (size >>> 8);
    length[2] = (byte) (size >>> 16);
    length[3] = (byte) (size >>> 24);
    writeElement(all, 0x0000, length);
    all.writeBytes(body.toByteArray());
    return all.toByteArray();
  }

  private static void writeElement(ByteArrayOutputStream out, int element, byte[] value) {
    out.write(0);
    out.write(0);
    out.write(element);
    out.write(element >>> 8);
    out.write(value.length);
    out.write(value.length >>> 8);
    out.write(value.length >>> 16);
    out.write(value.length >>> 24);
    out.writeBytes(value);
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] b, int at) {
    return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16
        | (b[at + 3] & 0xFFL) << 24;
  }

  @Override
  public String toString() {
    return String.format("command %04XH message %d", commandField(), messageId());
  }
}
