package org.vetpacs.dicomweb.dicom;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a sender needs from a stored Part 10 file: its UIDs, its transfer syntax and where its data
 * set starts (PS3.10 7.1). Read by walking group 0002 element by element (Explicit VR Little
 * Endian), without trusting the group length and without reading the data set.
 *
 * @param sopClassUid Media Storage SOP Class UID (0002,0002)
 * @param sopInstanceUid Media Storage SOP Instance UID (0002,0003)
 * @param transferSyntaxUid Transfer Syntax UID (0002,0010)
 * @param dataSetOffset the byte offset of the first element of the data set
 */
public record FileMeta(
    String sopClassUid, String sopInstanceUid, String transferSyntaxUid, long dataSetOffset) {

  private static final int PREFIX_END = 132;

  /**
   * Reads the meta information from {@code in}, leaving the stream positioned at the start of the
   * data set.
   *
   * @param in a stream that supports {@link InputStream#mark mark} (e.g. a BufferedInputStream)
   */
  public static FileMeta read(InputStream in) throws IOException, DicomParseException {
    if (!in.markSupported()) {
      throw new IllegalArgumentException("FileMeta.read needs a stream that supports mark/reset");
    }
    DataInputStream data = new DataInputStream(in);
    byte[] prefix = new byte[PREFIX_END];
    try {
      data.readFully(prefix);
    } catch (EOFException e) {
      throw new DicomParseException("Not a DICOM Part 10 file: shorter than preamble and prefix");
    }
    if (!"DICM".equals(new String(prefix, 128, 4, StandardCharsets.US_ASCII))) {
      throw new DicomParseException("Not a DICOM Part 10 file: no 'DICM' prefix (PS3.10 7.1)");
    }
    long offset = PREFIX_END;
    String sopClass = "";
    String sopInstance = "";
    String transferSyntax = "";
    byte[] header = new byte[8];
    while (true) {
      // Peek the group: the meta information ends at the first element outside group 0002.
      data.mark(8);
      int read = data.read(header, 0, 2);
      if (read < 2) {
        throw new DicomParseException("Truncated File Meta Information");
      }
      int group = (header[0] & 0xFF) | (header[1] & 0xFF) << 8;
      if (group != 0x0002) {
        data.reset();
        break;
      }
      data.readFully(header, 2, 6);
      int element = (header[2] & 0xFF) | (header[3] & 0xFF) << 8;
      String vr = new String(header, 4, 2, StandardCharsets.US_ASCII);
      long length;
      int headerLength;
      if (isLongVr(vr)) {
        byte[] more = new byte[4];
        data.readFully(more);
        length =
            (more[0] & 0xFFL)
                | (more[1] & 0xFFL) << 8
                | (more[2] & 0xFFL) << 16
                | (more[3] & 0xFFL) << 24;
        headerLength = 12;
      } else {
        length = (header[6] & 0xFF) | (header[7] & 0xFF) << 8;
        headerLength = 8;
      }
      if (length > 1 << 16) {
        throw new DicomParseException("Implausible File Meta Information element length");
      }
      byte[] value = new byte[(int) length];
      data.readFully(value);
      offset += headerLength + length;
      String text = trim(value);
      switch (element) {
        case 0x0002 -> sopClass = text;
        case 0x0003 -> sopInstance = text;
        case 0x0010 -> transferSyntax = text;
        default -> {}
      }
    }
    if (transferSyntax.isEmpty()) {
      throw new DicomParseException("File Meta Information has no Transfer Syntax UID (0002,0010)");
    }
    return new FileMeta(sopClass, sopInstance, transferSyntax, offset);
  }

  private static boolean isLongVr(String vr) {
    return switch (vr) {
      case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV" -> true;
      default -> false;
    };
  }

  private static String trim(byte[] value) {
    int end = value.length;
    while (end > 0 && (value[end - 1] == 0 || value[end - 1] == ' ')) {
      end--;
    }
    return new String(value, 0, end, StandardCharsets.US_ASCII);
  }
}
