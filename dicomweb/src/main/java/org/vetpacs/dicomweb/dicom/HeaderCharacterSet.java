package org.vetpacs.dicomweb.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TagFromName;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Specific Character Set (0008,0005) of a header that is rewritten (PS3.5 6.1, PS3.3 C.12.1.1.2).
 * A value from outside the file (an owner's name from the PIMS, "Dvořák") must be encoded in the
 * character set the header declares; when that set cannot hold it (the default repertoire is
 * ASCII only, ISO_IR 100 is Latin-1), the whole header is switched to UTF-8 (ISO_IR 192): every
 * text value is re-encoded from its decoded text, so nothing is reinterpreted or lost.
 */
final class HeaderCharacterSet {

  /** Specific Character Set (0008,0005) of UTF-8. */
  static final String UTF8 = "ISO_IR 192";

  /** The value representations whose text Specific Character Set applies to (PS3.5 6.1.2.3). */
  private static final Set<String> TEXT_VRS = Set.of("SH", "LO", "ST", "LT", "UT", "PN", "UC");

  private HeaderCharacterSet() {}

  /**
   * The character set {@code list} declares in (0008,0005); without one, the default repertoire.
   * (PixelMed's {@code SpecificCharacterSet(AttributeList)} does not read it: it picks one that
   * fits the values it is given.)
   */
  static SpecificCharacterSet declared(AttributeList list) throws DicomException {
    Attribute attribute = list.get(TagFromName.SpecificCharacterSet);
    String[] values = attribute == null ? null : attribute.getStringValues();
    return new SpecificCharacterSet(values == null || values.length == 0 ? null : values);
  }

  /** UTF-8, for attributes created after {@link #switchToUtf8}. */
  static SpecificCharacterSet utf8() {
    return new SpecificCharacterSet(new String[] {UTF8});
  }

  static boolean isText(String vr) {
    return TEXT_VRS.contains(vr);
  }

  /** Whether every text value of {@code desired} (in sequences too) encodes in {@code charset}. */
  static boolean holdsAll(SpecificCharacterSet charset, DicomDataset desired) {
    for (Map.Entry<Integer, DicomDataset.Element> e : desired.elements().entrySet()) {
      DicomDataset.Element element = e.getValue();
      for (Object value : element.values()) {
        if (value instanceof DicomDataset item) {
          if (!holdsAll(charset, item)) {
            return false;
          }
        } else if (isText(element.vr()) && value != null
            && !holds(charset, String.valueOf(value))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether {@code value} survives being encoded in {@code charset} and decoded back. */
  static boolean holds(SpecificCharacterSet charset, String value) {
    try {
      byte[] bytes = charset.translateStringToByteArray(value);
      return value.equals(charset.translateByteArrayToString(bytes, 0, bytes.length));
    } catch (UnsupportedEncodingException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Declares UTF-8 in {@code list} and re-creates every text attribute (in sequence items too,
   * except items that declare their own character set) with its decoded values in UTF-8.
   */
  static void switchToUtf8(AttributeList list) throws DicomException {
    reencode(list, utf8());
    CodeStringAttribute declared = new CodeStringAttribute(TagFromName.SpecificCharacterSet);
    declared.addValue(UTF8);
    list.put(declared);
  }

  private static void reencode(AttributeList list, SpecificCharacterSet utf8)
      throws DicomException {
    List<Attribute> replaced = new ArrayList<>();
    for (Iterator<Attribute> it = list.values().iterator(); it.hasNext(); ) {
      Attribute attribute = it.next();
      if (attribute instanceof SequenceAttribute sequence) {
        for (int i = 0; i < sequence.getNumberOfItems(); i++) {
          AttributeList item = sequence.getItem(i).getAttributeList();
          // an item that declares its own character set is encoded in it (PS3.5 7.5.3), e.g.
          // the previous values kept with the previous Specific Character Set
          if (item.get(TagFromName.SpecificCharacterSet) == null) {
            reencode(item, utf8);
          }
        }
      } else if (isText(attribute.getVRAsString())) {
        replaced.add(copy(attribute, utf8));
      }
    }
    for (Attribute attribute : replaced) {
      list.put(attribute);
    }
  }

  private static Attribute copy(Attribute attribute, SpecificCharacterSet utf8)
      throws DicomException {
    AttributeTag tag = attribute.getTag();
    Attribute copy = AttributeFactory.newAttribute(
        tag, attribute.getVRAsString().getBytes(StandardCharsets.US_ASCII), utf8);
    String[] values = attribute.getStringValues();
    if (values != null) {
      for (String value : values) {
        copy.addValue(value);
      }
    }
    return copy;
  }
}
