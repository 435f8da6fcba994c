package org.vetpacs.dicomweb.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the DICOM Part 10 preamble, the {@code DICM} prefix and the File Meta Information (group
 * 0002, Explicit VR Little Endian, PS3.10 7.1) in front of a data set received over DIMSE, so that
 * what is stored is a Part 10 file whose data set is byte for byte what the peer sent.
 *
 * <p>Written by hand (about 200 bytes) rather than with PixelMed's {@code FileMetaInformation}, so
 * that the Implementation Class UID and Version Name are VetPACS's own (PS3.7 D.3.3.2: they
 * identify the implementation that wrote the file).
 */
public final class FileMetaWriter {

  /**
   * VetPACS's Implementation Class UID: {@code 2.25.} + the decimal form of the name-based UUID of
   * {@code urn:vetpacs:implementation-class} (PS3.5 B.2).
   */
  public static final String IMPLEMENTATION_CLASS_UID =
      "2.25.239003393831805440915885750123161802749";

  /** Implementation Version Name (SH, at most 16 characters). */
  public static final String IMPLEMENTATION_VERSION_NAME = "VETPACS_0.1";

  private static final int PREAMBLE_LENGTH = 128;

  private FileMetaWriter() {}

  /**
   * Writes preamble, prefix and group 0002 to {@code out}.
   *
   * @param sopClassUid Media Storage SOP Class UID (0002,0002), from the C-STORE command
   * @param sopInstanceUid Media Storage SOP Instance UID (0002,0003), from the C-STORE command
   * @param transferSyntaxUid the transfer syntax of the data set that follows (0002,0010): the one
   *     negotiated for the presentation context the data set arrived on
   * @param sourceAeTitle Source Application Entity Title (0002,0016): the calling AE title
   */
  public static void write(
      OutputStream out,
      String sopClassUid,
      String sopInstanceUid,
      String transferSyntaxUid,
      String sourceAeTitle)
      throws IOException {
    ByteArrayOutputStream elements = new ByteArrayOutputStream(256);
    // (0002,0001) File Meta Information Version: OB, 00\01
    writeHeader(elements, 0x0001, "OB", 2);
    elements.write(0x00);
    elements.write(0x01);
    writeText(elements, 0x0002, "UI", sopClassUid, (byte) 0);
    writeText(elements, 0x0003, "UI", sopInstanceUid, (byte) 0);
    writeText(elements, 0x0010, "UI", transferSyntaxUid, (byte) 0);
    writeText(elements, 0x0012, "UI", IMPLEMENTATION_CLASS_UID, (byte) 0);
    writeText(elements, 0x0013, "SH", IMPLEMENTATION_VERSION_NAME, (byte) ' ');
    if (sourceAeTitle != null && !sourceAeTitle.isBlank()) {
      writeText(elements, 0x0016, "AE", sourceAeTitle.strip(), (byte) ' ');
    }
    out.write(new byte[PREAMBLE_LENGTH]);
    out.write("DICM".getBytes(StandardCharsets.US_ASCII));
    // (0002,0000) File Meta Information Group Length: UL, the bytes after it up to the data set
    writeHeader(out, 0x0000, "UL", 4);
    writeUint32(out, elements.size());
    elements.writeTo(out);
  }

  private static void writeText(
      OutputStream out, int element, String vr, String value, byte padding) throws IOException {
    byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.US_ASCII);
    int length = bytes.length + (bytes.length % 2);
    writeHeader(out, element, vr, length);
    out.write(bytes);
    if (length != bytes.length) {
      out.write(padding); // PS3.5 6.2: UI pads with NUL, other string VRs with a space
    }
  }

  /** Explicit VR Little Endian header with a 2-byte length (PS3.5 7.1.2), or 4 for OB. */
  private static void writeHeader(OutputStream out, int element, String vr, int length)
      throws IOException {
    writeUint16(out, 0x0002);
    writeUint16(out, element);
    out.write(vr.getBytes(StandardCharsets.US_ASCII));
    if ("OB".equals(vr)) {
      writeUint16(out, 0);
      writeUint32(out, length);
    } else {
      writeUint16(out, length);
    }
  }

  private static void writeUint16(OutputStream out, int value) throws IOException {
    out.write(value & 0xFF);
    out.write((value >>> 8) & 0xFF);
  }

  private static void writeUint32(OutputStream out, int value) throws IOException {
    writeUint16(out, value & 0xFFFF);
    writeUint16(out, (value >>> 16) & 0xFFFF);
  }
}
