package org.vetpacs.dicomweb.retrieve;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the Pixel Data (7FE0,0010) of a stored Part 10 file lies, found by parsing only the header
 * (everything before Pixel Data) and the item headers of encapsulated fragments, so that frames and
 * bulk data can be read by seeking instead of loading the file.
 *
 * @param header the data set before Pixel Data, File Meta Information included
 * @param transferSyntaxUid the transfer syntax the file is encoded in
 * @param valueOffset file offset of the first byte of the value (native), or of the Basic Offset
 *     Table item (encapsulated); -1 when the file has no Pixel Data
 * @param valueLength length of a native value; -1 when encapsulated (undefined length) or absent
 * @param vr the explicit VR of the element ("OB", "OW"), or null for Implicit VR files
 * @param bigEndian whether the data set is Big Endian (retired Explicit VR Big Endian)
 * @param basicOffsetTable Basic Offset Table of encapsulated data (PS3.5 A.4), empty if none
 * @param fragments the fragments of encapsulated data after the Basic Offset Table, in order
 * @param endOffset file offset just after the Pixel Data element (or the file length)
 * @param fileLength length of the file
 */
public record StoredPixelData(
    AttributeList header,
    String transferSyntaxUid,
    long valueOffset,
    long valueLength,
    String vr,
    boolean bigEndian,
    long[] basicOffsetTable,
    List<Fragment> fragments,
    long endOffset,
    long fileLength) {

  /**
   * One fragment item of encapsulated Pixel Data.
   *
   * @param itemOffset offset of the item tag relative to the first fragment item (the unit of
   *     Basic Offset Table entries, PS3.5 A.4)
   * @param valueOffset file offset of the fragment's bytes
   * @param length the fragment's length (even, PS3.5 A.4)
   */
  public record Fragment(long itemOffset, long valueOffset, long length) {}

  public boolean present() {
    return valueOffset >= 0;
  }

  public boolean encapsulated() {
    return present() && valueLength < 0;
  }

  /** Whether something follows Pixel Data in the file (e.g. Data Set Trailing Padding). */
  public boolean hasTrailingData() {
    return endOffset < fileLength;
  }

  /** Number of Frames (0028,0008), 1 if absent. */
  public int numberOfFrames() {
    int frames = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.NumberOfFrames, 1);
    return Math.max(frames, 1);
  }

  /** The frame layout of native Pixel Data, from the Image Pixel Module (PS3.3 C.7.6.3). */
  public FrameGeometry geometry() {
    try {
      return new FrameGeometry(
          Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Rows, 0),
          Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Columns, 0),
          Attribute.getSingleIntegerValueOrDefault(header, TagFromName.SamplesPerPixel, 1),
          Attribute.getSingleIntegerValueOrDefault(header, TagFromName.BitsAllocated, 0),
          numberOfFrames());
    } catch (IllegalArgumentException e) {
      throw RetrieveException.notAcceptable(
          "The instance has no usable Image Pixel Module: " + e.getMessage());
    }
  }

  /**
   * The fragments that make up 1-based frame {@code number} of encapsulated Pixel Data (PS3.5
   * A.4): all of them for a single frame; else as the Basic Offset Table says; else one fragment
   * per frame when the counts agree.
   *
   * @throws RetrieveException NOT_ACCEPTABLE when frames cannot be told apart
   */
  public List<Fragment> fragmentsOfFrame(int number) {
    int frames = numberOfFrames();
    if (frames == 1) {
      return fragments;
    }
    if (basicOffsetTable.length == frames) {
      long start = basicOffsetTable[number - 1];
      long end = number < frames ? basicOffsetTable[number] : Long.MAX_VALUE;
      List<Fragment> result = new ArrayList<>();
      for (Fragment fragment : fragments) {
        if (fragment.itemOffset() >= start && fragment.itemOffset() < end) {
          result.add(fragment);
        }
      }
      if (!result.isEmpty()) {
        return result;
      }
    }
    if (fragments.size() == frames) {
      return List.of(fragments.get(number - 1));
    }
    throw RetrieveException.notAcceptable(
        "The frames of this instance cannot be told apart: "
            + fragments.size()
            + " fragments for "
            + frames
            + " frames and no usable Basic Offset Table");
  }
}
