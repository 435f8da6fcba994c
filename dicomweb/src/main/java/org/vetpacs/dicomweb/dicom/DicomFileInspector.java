package org.vetpacs.dicomweb.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads and checks a received DICOM Part 10 file without loading its pixel data: the header is
 * parsed with PixelMed up to Pixel Data (7FE0,0010), then the extent of the pixel data is checked
 * against the file length (native) or by walking the fragment items (encapsulated), so a truncated
 * upload is refused before anything is acknowledged.
 */
public final class DicomFileInspector {

  private static final int PREAMBLE_LENGTH = 128;
  private static final String DEFLATED = "1.2.840.10008.1.2.1.99";
  private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

  private DicomFileInspector() {}

  /** Parses and checks {@code file}; throws with a reason a client can act on. */
  public static InstanceHeader inspect(Path file) throws DicomParseException, IOException {
    long fileLength = Files.size(file);
    requirePart10Prefix(file, fileLength);
    AttributeList list = new AttributeList();
    long stoppedAt;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        DicomInputStream dicom = new DicomInputStream(in)) {
      // PixelMed returns the offset just after the tag it stopped at (the tag is consumed).
      stoppedAt = list.read(dicom, TagFromName.PixelData);
    } catch (DicomException | RuntimeException e) {
      throw new DicomParseException("Unreadable DICOM data: " + e.getMessage(), e);
    } catch (java.io.EOFException e) {
      throw new DicomParseException("Truncated DICOM data: the file ends inside an attribute", e);
    }
    String transferSyntaxUid = value(list, TagFromName.TransferSyntaxUID);
    if (transferSyntaxUid.isEmpty()) {
      throw new DicomParseException("File Meta Information has no Transfer Syntax UID (0002,0010)");
    }
    InstanceHeader header;
    try {
      header = toHeader(list, transferSyntaxUid);
    } catch (DicomException | RuntimeException e) {
      throw new DicomParseException("Unreadable DICOM data: " + e.getMessage(), e);
    }
    checkMetaInformation(list, header);
    if (!DEFLATED.equals(transferSyntaxUid) && list.get(TagFromName.PixelData) == null) {
      boolean hasPixelData;
      try {
        hasPixelData =
            checkPixelDataExtent(
                file, fileLength, stoppedAt - 4, new TransferSyntax(transferSyntaxUid));
      } catch (RuntimeException e) {
        throw new DicomParseException("Unreadable DICOM data: " + e.getMessage(), e);
      }
      // PixelMed logs an end of file inside the header instead of throwing, so a cut header
      // shows as an image without Pixel Data: refuse an image storage instance that has none.
      boolean image =
          SOPClass.isImageStorage(header.sopClassUid()) || list.get(TagFromName.Rows) != null;
      if (!hasPixelData && (stoppedAt < fileLength || image)) {
        throw new DicomParseException(
            "Truncated DICOM data: the file ends before Pixel Data (7FE0,0010)");
      }
    }
    return header;
  }

  /** Whether PixelMed knows the SOP Class as a storage SOP Class (PS3.4 Annex B). */
  public static boolean isStorageSopClass(String sopClassUid) {
    return SOPClass.isStorage(sopClassUid);
  }

  /** PS3.10 7.1: the meta information must name the same SOP Class and Instance as the data set. */
  private static void checkMetaInformation(AttributeList list, InstanceHeader header)
      throws DicomParseException {
    String metaClass = value(list, TagFromName.MediaStorageSOPClassUID);
    String metaInstance = value(list, TagFromName.MediaStorageSOPInstanceUID);
    if (!metaClass.isEmpty() && !metaClass.equals(header.sopClassUid())) {
      throw new SopClassMismatchException(
          "Media Storage SOP Class UID (0002,0002) "
              + metaClass
              + " differs from SOP Class UID (0008,0016) "
              + header.sopClassUid());
    }
    if (!metaInstance.isEmpty() && !metaInstance.equals(header.sopInstanceUid())) {
      throw new DicomParseException(
          "Media Storage SOP Instance UID (0002,0003) differs from SOP Instance UID (0008,0018)");
    }
  }

  private static void requirePart10Prefix(Path file, long fileLength)
      throws IOException, DicomParseException {
    if (fileLength < PREAMBLE_LENGTH + 4) {
      throw new DicomParseException("Not a DICOM Part 10 file: only " + fileLength + " bytes");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer prefix = ByteBuffer.allocate(4);
      channel.read(prefix, PREAMBLE_LENGTH);
      String magic = new String(prefix.array(), StandardCharsets.US_ASCII);
      if (!"DICM".equals(magic)) {
        throw new DicomParseException(
            "Not a DICOM Part 10 file: no 'DICM' prefix after the 128-byte preamble (PS3.10 7.1)");
      }
    }
  }

  /**
   * PixelMed stopped at Pixel Data, if the file has any: check that its value fits in the file.
   *
   * @return whether the file has Pixel Data at {@code position}
   */
  private static boolean checkPixelDataExtent(
      Path file, long fileLength, long position, TransferSyntax syntax)
      throws IOException, DicomParseException {
    if (position < 0 || position + 4 > fileLength) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteOrder order = syntax.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      if (!isPixelDataTag(read(channel, position, 4, order, fileLength))) {
        return false; // no Pixel Data here
      }
      long valueStart;
      long length;
      if (syntax.isExplicitVR()) {
        // tag(4) VR(2) reserved(2) length(4) for OB/OW (PS3.5 7.1.2)
        ByteBuffer header = read(channel, position, 12, order, fileLength);
        length = Integer.toUnsignedLong(header.getInt(8));
        valueStart = position + 12;
      } else {
        ByteBuffer header = read(channel, position, 8, order, fileLength);
        length = Integer.toUnsignedLong(header.getInt(4));
        valueStart = position + 8;
      }
      if (length == UNDEFINED_LENGTH) {
        checkEncapsulatedFragments(channel, valueStart, fileLength);
      } else if (valueStart + length > fileLength) {
        throw new DicomParseException(
            "Truncated DICOM data: Pixel Data declares "
                + length
                + " bytes but the file holds only "
                + (fileLength - valueStart));
      }
    }
    return true;
  }

  private static boolean isPixelDataTag(ByteBuffer tag) {
    return Short.toUnsignedInt(tag.getShort(0)) == 0x7FE0
        && Short.toUnsignedInt(tag.getShort(2)) == 0x0010;
  }

  /** PS3.5 A.4: items (FFFE,E000) with defined lengths, ended by (FFFE,E0DD). */
  private static void checkEncapsulatedFragments(FileChannel channel, long start, long fileLength)
      throws IOException, DicomParseException {
    long position = start;
    while (true) {
      ByteBuffer item = read(channel, position, 8, ByteOrder.LITTLE_ENDIAN, fileLength);
      int group = Short.toUnsignedInt(item.getShort(0));
      int element = Short.toUnsignedInt(item.getShort(2));
      long length = Integer.toUnsignedLong(item.getInt(4));
      if (group == 0xFFFE && element == 0xE0DD) {
        return;
      }
      if (group != 0xFFFE || element != 0xE000 || length == UNDEFINED_LENGTH) {
        throw new DicomParseException(
            "Unreadable DICOM data: encapsulated Pixel Data has no valid item at byte " + position);
      }
      position += 8 + length;
      if (position > fileLength) {
        throw new DicomParseException(
            "Truncated DICOM data: a Pixel Data fragment extends past the end of the file");
      }
    }
  }

  private static ByteBuffer read(
      FileChannel channel, long position, int size, ByteOrder order, long fileLength)
      throws IOException, DicomParseException {
    if (position + size > fileLength) {
      throw new DicomParseException("Truncated DICOM data: the file ends inside Pixel Data");
    }
    ByteBuffer buffer = ByteBuffer.allocate(size).order(order);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new DicomParseException("Truncated DICOM data: the file ends inside Pixel Data");
      }
    }
    return buffer;
  }

  private static InstanceHeader toHeader(AttributeList list, String transferSyntaxUid)
      throws DicomException, DicomParseException {
    return new InstanceHeader(
        required(list, TagFromName.SOPClassUID, "SOP Class UID (0008,0016)"),
        required(list, TagFromName.SOPInstanceUID, "SOP Instance UID (0008,0018)"),
        required(list, TagFromName.StudyInstanceUID, "Study Instance UID (0020,000D)"),
        required(list, TagFromName.SeriesInstanceUID, "Series Instance UID (0020,000E)"),
        transferSyntaxUid,
        Attribute.getDelimitedStringValuesOrEmptyString(list, TagFromName.SpecificCharacterSet),
        value(list, TagFromName.PatientName),
        value(list, TagFromName.PatientID),
        value(list, TagFromName.PatientBirthDate),
        value(list, TagFromName.PatientSex),
        value(list, TagFromName.PatientSpeciesDescription),
        value(list, TagFromName.PatientBreedDescription),
        value(list, TagFromName.ResponsiblePerson),
        value(list, TagFromName.ResponsibleOrganization),
        value(list, TagFromName.StudyDate),
        value(list, TagFromName.StudyTime),
        value(list, TagFromName.AccessionNumber),
        value(list, TagFromName.StudyID),
        value(list, TagFromName.StudyDescription),
        value(list, TagFromName.ReferringPhysicianName),
        value(list, TagFromName.Modality),
        value(list, TagFromName.SeriesNumber),
        value(list, TagFromName.SeriesDescription),
        value(list, TagFromName.BodyPartExamined),
        value(list, TagFromName.InstanceNumber),
        DicomJsonWriter.toJson(list));
  }

  private static String required(AttributeList list, AttributeTag tag, String name)
      throws DicomParseException {
    String uid = value(list, tag);
    if (uid.isEmpty()) {
      throw new DicomParseException("Missing required attribute " + name);
    }
    return uid;
  }

  private static String value(AttributeList list, AttributeTag tag) {
    return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
  }
}
