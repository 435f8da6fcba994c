package org.vetpacs.dicomweb.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the header of a DICOM Part 10 file to given values, keeping what it replaces in
 * Original Attributes Sequence (0400,0561) (PS3.3 C.12.1, Table C.12-1; PS3.3 C.12.1.1.9): one new
 * item per rewrite, with Attribute Modification DateTime, Modifying System, Source of Previous
 * Values, Reason for the Attribute Modification and a Modified Attributes Sequence (0400,0550)
 * holding the previous values (an attribute that was absent is kept there with no value, so that
 * the item says it was added). Earlier items are never touched: nothing is lost.
 *
 * <p>Only the header is parsed and re-encoded; Pixel Data (7FE0,0010) and whatever follows it are
 * copied byte for byte, so pixel data is never decoded or re-encoded. A deflated transfer syntax
 * is not rewritten (its byte offsets mean nothing).
 */
public final class HeaderRewriter {

  /** Reason for the Attribute Modification (0400,0565) of an ingest coercion. */
  public static final String COERCE = "COERCE";

  /** Reason for the Attribute Modification (0400,0565) of a staff correction. */
  public static final String CORRECT = "CORRECT";

  private static final String DEFLATED = "1.2.840.10008.1.2.1.99";
  private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSSSSZ");

  private HeaderRewriter() {}

  /** What a rewrite changed: the tags (as in {@link DicomDataset}) whose value differed. */
  public record Result(List<Integer> changedTags) {
    /** Whether anything was written. */
    public boolean changed() {
      return !changedTags.isEmpty();
    }
  }

  /**
   * Writes {@code source} to {@code target} with the {@code desired} values (top-level elements;
   * an SQ element replaces the whole sequence). Writes nothing and returns an empty result when
   * every desired value is already there.
   *
   * @param modifyingSystem Modifying System (0400,0563), e.g. the archive's AE title
   * @param reason Reason for the Attribute Modification (0400,0565): {@link #COERCE} or {@link
   *     #CORRECT}
   */
  public static Result rewrite(
      Path source, Path target, DicomDataset desired, String modifyingSystem, String reason)
      throws IOException, DicomParseException {
    long fileLength = Files.size(source);
    AttributeList list = new AttributeList();
    long stoppedAt;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(source), 64 * 1024);
        DicomInputStream dicom = new DicomInputStream(in)) {
      stoppedAt = list.read(dicom, TagFromName.PixelData);
    } catch (DicomException | RuntimeException e) {
      throw new DicomParseException("Unreadable DICOM data: " + e.getMessage(), e);
    }
    String transferSyntaxUid =
        Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID).trim();
    if (transferSyntaxUid.isEmpty() || DEFLATED.equals(transferSyntaxUid)) {
      return new Result(List.of());
    }
    TransferSyntax syntax = new TransferSyntax(transferSyntaxUid);
    long tailStart = pixelDataPosition(source, fileLength, stoppedAt - 4, syntax);
    try {
      SpecificCharacterSet charset = HeaderCharacterSet.declared(list);
      // a desired value the declared set cannot hold switches the header to UTF-8 (see below)
      boolean toUtf8 = !HeaderCharacterSet.holdsAll(charset, desired);
      if (toUtf8) {
        charset = HeaderCharacterSet.utf8();
      }
      AttributeList previous = new AttributeList();
      List<Integer> changed = new ArrayList<>();
      for (Map.Entry<Integer, DicomDataset.Element> e : desired.elements().entrySet()) {
        AttributeTag tag = tagOf(e.getKey());
        Attribute current = list.get(tag);
        if (current != null && matches(current, e.getValue())) {
          continue;
        }
        Attribute replacement = toAttribute(tag, e.getValue(), charset);
        previous.put(current != null ? current : toAttribute(tag, emptyLike(e.getValue()), charset));
        list.put(replacement);
        changed.add(e.getKey());
      }
      if (changed.isEmpty()) {
        return new Result(List.of());
      }
      if (toUtf8) {
        Attribute declared = list.get(TagFromName.SpecificCharacterSet);
        previous.put(declared != null ? declared
            : AttributeFactory.newAttribute(TagFromName.SpecificCharacterSet,
                "CS".getBytes(StandardCharsets.US_ASCII)));
        changed.add(0x00080005);
      }
      list.put(originalAttributesItem(list, previous, modifyingSystem, reason));
      if (toUtf8) {
        // last, so that earlier Original Attributes items are re-encoded too; the new item keeps
        // the previous values in the previous character set, which it declares
        HeaderCharacterSet.switchToUtf8(list);
      }
      write(list, transferSyntaxUid, source, tailStart, fileLength, target);
      return new Result(List.copyOf(changed));
    } catch (DicomException e) {
      throw new DicomParseException("Could not rewrite the header: " + e.getMessage(), e);
    }
  }

  /** Appends an item to Original Attributes Sequence; returns the sequence to put. */
  private static SequenceAttribute originalAttributesItem(
      AttributeList list, AttributeList previous, String modifyingSystem, String reason)
      throws DicomException {
    SequenceAttribute sequence = new SequenceAttribute(TagFromName.OriginalAttributesSequence);
    Attribute existing = list.get(TagFromName.OriginalAttributesSequence);
    if (existing instanceof SequenceAttribute old) {
      Iterator<?> items = old.iterator();
      while (items.hasNext()) {
        sequence.addItem((SequenceItem) items.next());
      }
    }
    AttributeList item = new AttributeList();
    put(item, TagFromName.SourceOfPreviousValues, "LO", ""); // Type 2: unknown source
    put(item, TagFromName.AttributeModificationDateTime, "DT",
        ZonedDateTime.now(ZoneOffset.UTC).format(DT));
    put(item, TagFromName.ModifyingSystem, "LO", truncate(modifyingSystem, 64));
    put(item, TagFromName.ReasonForTheAttributeModification, "CS", reason);
    SequenceAttribute modified = new SequenceAttribute(TagFromName.ModifiedAttributesSequence);
    modified.addItem(previous);
    item.put(modified);
    sequence.addItem(item);
    return sequence;
  }

  private static void put(AttributeList list, AttributeTag tag, String vr, String value)
      throws DicomException {
    Attribute a = AttributeFactory.newAttribute(tag, vr.getBytes(StandardCharsets.US_ASCII));
    if (!value.isEmpty()) {
      a.addValue(value);
    }
    list.put(a);
  }

  private static String truncate(String s, int max) {
    String v = s == null ? "" : s;
    return v.length() <= max ? v : v.substring(0, max);
  }

  /** Whether the current attribute already holds the desired value (sequences: item by item). */
  static boolean matches(Attribute current, DicomDataset.Element desired) throws DicomException {
    if ("SQ".equals(desired.vr())) {
      if (!(current instanceof SequenceAttribute sq)
          || sq.getNumberOfItems() != desired.values().size()) {
        return false;
      }
      for (int i = 0; i < desired.values().size(); i++) {
        AttributeList item = sq.getItem(i).getAttributeList();
        DicomDataset want = (DicomDataset) desired.values().get(i);
        for (Map.Entry<Integer, DicomDataset.Element> e : want.elements().entrySet()) {
          Attribute a = item.get(tagOf(e.getKey()));
          if (a == null || !matches(a, e.getValue())) {
            return false;
          }
        }
      }
      return true;
    }
    String have = current.getDelimitedStringValuesOrEmptyString().trim();
    return have.equals(joined(desired));
  }

  private static String joined(DicomDataset.Element e) {
    List<String> values = new ArrayList<>();
    for (Object v : e.values()) {
      values.add(v == null ? "" : String.valueOf(v).trim());
    }
    return String.join("\\", values);
  }

  private static DicomDataset.Element emptyLike(DicomDataset.Element e) {
    return new DicomDataset.Element(e.vr(), List.of(), null, null);
  }

  private static Attribute toAttribute(
      AttributeTag tag, DicomDataset.Element e, SpecificCharacterSet charset)
      throws DicomException {
    if ("SQ".equals(e.vr())) {
      SequenceAttribute sq = new SequenceAttribute(tag);
      for (Object item : e.values()) {
        AttributeList itemList = new AttributeList();
        for (Map.Entry<Integer, DicomDataset.Element> c : ((DicomDataset) item).elements().entrySet()) {
          itemList.put(toAttribute(tagOf(c.getKey()), c.getValue(), charset));
        }
        sq.addItem(itemList);
      }
      return sq;
    }
    Attribute a =
        AttributeFactory.newAttribute(tag, e.vr().getBytes(StandardCharsets.US_ASCII), charset);
    for (Object v : e.values()) {
      a.addValue(v == null ? "" : String.valueOf(v));
    }
    return a;
  }

  private static AttributeTag tagOf(int tag) {
    return new AttributeTag(tag >>> 16, tag & 0xFFFF);
  }

  /** Where Pixel Data starts (PixelMed stopped just after its tag), or the file length if none. */
  private static long pixelDataPosition(
      Path file, long fileLength, long position, TransferSyntax syntax) throws IOException {
    if (position < 0 || position + 4 > fileLength) {
      return fileLength;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer tag = ByteBuffer.allocate(4)
          .order(syntax.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
      while (tag.hasRemaining()) {
        if (channel.read(tag, position + tag.position()) < 0) {
          return fileLength;
        }
      }
      boolean pixelData = Short.toUnsignedInt(tag.getShort(0)) == 0x7FE0
          && Short.toUnsignedInt(tag.getShort(2)) == 0x0010;
      return pixelData ? position : fileLength;
    }
  }

  /**
   * Preamble and File Meta Information as VetPACS writes them (it wrote this file), then the data
   * set in its transfer syntax, then the original bytes from Pixel Data on.
   */
  private static void write(
      AttributeList list, String transferSyntaxUid, Path source, long tailStart, long fileLength,
      Path target) throws IOException, DicomException {
    String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID);
    String sopInstance =
        Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID);
    String sourceAe =
        Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SourceApplicationEntityTitle);
    list.removeGroupLengthAttributes(); // retired outside group 0002, and stale after the change
    list.removeMetaInformationHeaderAttributes();
    try (OutputStream file = Files.newOutputStream(target);
        BufferedOutputStream out = new BufferedOutputStream(file, 64 * 1024)) {
      FileMetaWriter.write(out, sopClass.trim(), sopInstance.trim(), transferSyntaxUid,
          sourceAe);
      DicomOutputStream dicom = new DicomOutputStream(out, null, transferSyntaxUid);
      list.write(dicom, false);
      dicom.flush();
      if (tailStart < fileLength) {
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.READ)) {
          channel.position(tailStart);
          Channels.newInputStream(channel).transferTo(out);
        }
      }
      out.flush();
    }
  }
}
