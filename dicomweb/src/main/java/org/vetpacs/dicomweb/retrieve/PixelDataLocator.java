package org.vetpacs.dicomweb.retrieve;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.vetpacs.dicomweb.storage.BlobStore;

/**
 * Finds the Pixel Data of a stored file without reading it: PixelMed parses the header up to
 * (7FE0,0010), then the element header and, for encapsulated data, the item headers (PS3.5 A.4)
 * are read with positioned reads. Deflated files (PS3.5 A.5) cannot be addressed this way and are
 * reported as not seekable.
 */
public final class PixelDataLocator {

  private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
  private static final int ITEM = 0xE000;
  private static final int SEQUENCE_DELIMITER = 0xE0DD;

  private PixelDataLocator() {}

  /** Whether the Pixel Data of a file in this transfer syntax can be addressed by seeking. */
  public static boolean isSeekable(String transferSyntaxUid) {
    return !new TransferSyntax(transferSyntaxUid).isDeflated();
  }

  /** Reads the header of a stored blob and locates its Pixel Data. */
  public static StoredPixelData locate(BlobStore blobs, String blobKey) throws IOException {
    AttributeList header = new AttributeList();
    long stoppedAt;
    try (InputStream in = new BufferedInputStream(blobs.open(blobKey), 64 * 1024);
        DicomInputStream dicom = new DicomInputStream(in)) {
      // PixelMed returns the offset just after the tag it stopped at (the tag is consumed).
      stoppedAt = header.read(dicom, TagFromName.PixelData);
    } catch (DicomException e) {
      throw new IOException("Stored instance " + blobKey + " is unreadable: " + e.getMessage(), e);
    }
    String syntaxUid =
        Attribute.getSingleStringValueOrEmptyString(header, TagFromName.TransferSyntaxUID).trim();
    if (!isSeekable(syntaxUid)) {
      throw RetrieveException.notAcceptable(
          "Instances stored deflated (" + syntaxUid + ") cannot be read in parts");
    }
    TransferSyntax syntax = new TransferSyntax(syntaxUid);
    ByteOrder order = syntax.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    try (SeekableByteChannel channel = blobs.openChannel(blobKey)) {
      long fileLength = channel.size();
      long tagAt = stoppedAt - 4;
      if (header.get(TagFromName.PixelData) != null
          || tagAt < 0
          || tagAt + 8 > fileLength
          || !isPixelDataTag(read(channel, tagAt, 4, order))) {
        return new StoredPixelData(
            header, syntaxUid, -1, -1, null, syntax.isBigEndian(), new long[0], List.of(),
            fileLength, fileLength);
      }
      String vr = null;
      long length;
      long valueOffset;
      if (syntax.isExplicitVR()) {
        ByteBuffer element = read(channel, tagAt, 12, order); // tag VR reserved length (PS3.5 7.1.2)
        vr = new String(new byte[] {element.get(4), element.get(5)}, "US-ASCII");
        length = Integer.toUnsignedLong(element.getInt(8));
        valueOffset = tagAt + 12;
      } else {
        length = Integer.toUnsignedLong(read(channel, tagAt, 8, order).getInt(4));
        valueOffset = tagAt + 8;
      }
      if (length != UNDEFINED_LENGTH) {
        return new StoredPixelData(
            header, syntaxUid, valueOffset, length, vr, syntax.isBigEndian(), new long[0],
            List.of(), Math.min(valueOffset + length, fileLength), fileLength);
      }
      return encapsulated(header, syntaxUid, vr, channel, valueOffset, fileLength);
    }
  }

  /** PS3.5 A.4: Basic Offset Table item, fragment items, Sequence Delimitation Item. */
  private static StoredPixelData encapsulated(
      AttributeList header,
      String syntaxUid,
      String vr,
      SeekableByteChannel channel,
      long start,
      long fileLength)
      throws IOException {
    ByteBuffer first = read(channel, start, 8, ByteOrder.LITTLE_ENDIAN);
    requireItem(first, start);
    long botLength = Integer.toUnsignedLong(first.getInt(4));
    long[] offsets = new long[(int) (botLength / 4)];
    if (botLength > 0) {
      ByteBuffer table = read(channel, start + 8, (int) botLength, ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < offsets.length; i++) {
        offsets[i] = Integer.toUnsignedLong(table.getInt(i * 4));
      }
    }
    List<StoredPixelData.Fragment> fragments = new ArrayList<>();
    long firstFragment = start + 8 + botLength;
    long position = firstFragment;
    while (true) {
      ByteBuffer item = read(channel, position, 8, ByteOrder.LITTLE_ENDIAN);
      int group = Short.toUnsignedInt(item.getShort(0));
      int element = Short.toUnsignedInt(item.getShort(2));
      long length = Integer.toUnsignedLong(item.getInt(4));
      if (group == 0xFFFE && element == SEQUENCE_DELIMITER) {
        position += 8;
        break;
      }
      requireItem(item, position);
      fragments.add(new StoredPixelData.Fragment(position - firstFragment, position + 8, length));
      position += 8 + length;
    }
    return new StoredPixelData(
        header, syntaxUid, start, -1, vr, false, offsets, List.copyOf(fragments), position,
        fileLength);
  }

  private static void requireItem(ByteBuffer item, long position) throws IOException {
    if (Short.toUnsignedInt(item.getShort(0)) != 0xFFFE
        || Short.toUnsignedInt(item.getShort(2)) != ITEM
        || Integer.toUnsignedLong(item.getInt(4)) == UNDEFINED_LENGTH) {
      throw new IOException("Encapsulated Pixel Data has no valid item at byte " + position);
    }
  }

  private static boolean isPixelDataTag(ByteBuffer tag) {
    return Short.toUnsignedInt(tag.getShort(0)) == 0x7FE0
        && Short.toUnsignedInt(tag.getShort(2)) == 0x0010;
  }

  /** Reads exactly {@code size} bytes at {@code position}. */
  static ByteBuffer read(SeekableByteChannel channel, long position, int size, ByteOrder order)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(size).order(order);
    channel.position(position);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw new IOException("The stored file ends inside Pixel Data");
      }
    }
    return buffer.flip();
  }
}
