package org.vetpacs.testdata;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.vetpacs.model.animal.SnomedConcept;

/**
 * Small helpers for building attribute lists with explicit value representations.
 *
 * <p>The VR is always given rather than looked up, so attributes that an older PixelMed dictionary
 * may lack (the veterinary Patient Module attributes, PS3.3 C.7.1.1) are written correctly too.
 */
final class Dicom {

  // Tags PixelMed's TagFromName does not name; numbers and VRs from PS3.6 Table 6-1.
  /** Recommended Display Frame Rate (0008,2144), IS. */
  static final AttributeTag RECOMMENDED_DISPLAY_FRAME_RATE = new AttributeTag(0x0008, 0x2144);
  /** KVP (0018,0060), DS. */
  static final AttributeTag KVP = new AttributeTag(0x0018, 0x0060);
  /** Cine Rate (0018,0040), IS. */
  static final AttributeTag CINE_RATE = new AttributeTag(0x0018, 0x0040);
  /** Positioner Type (0018,1508), CS. */
  static final AttributeTag POSITIONER_TYPE = new AttributeTag(0x0018, 0x1508);
  /** Detector Type (0018,7004), CS. */
  static final AttributeTag DETECTOR_TYPE = new AttributeTag(0x0018, 0x7004);
  /** Pixel Intensity Relationship (0028,1040), CS. */
  static final AttributeTag PIXEL_INTENSITY_RELATIONSHIP = new AttributeTag(0x0028, 0x1040);
  /** Pixel Intensity Relationship Sign (0028,1041), SS. */
  static final AttributeTag PIXEL_INTENSITY_RELATIONSHIP_SIGN = new AttributeTag(0x0028, 0x1041);

  private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");

  private Dicom() {}

  /** Puts a string-valued attribute; no values gives a zero-length (Type 2 empty) attribute. */
  static void put(AttributeList list, AttributeTag tag, byte[] vr, String... values)
      throws DicomException {
    Attribute a = AttributeFactory.newAttribute(tag, vr);
    for (String v : values) {
      a.addValue(v);
    }
    list.put(a);
  }

  /** Puts a binary integer attribute (US, SS). */
  static void putInt(AttributeList list, AttributeTag tag, byte[] vr, int... values)
      throws DicomException {
    Attribute a = AttributeFactory.newAttribute(tag, vr);
    for (int v : values) {
      a.addValue(v);
    }
    list.put(a);
  }

  /** Puts an AT attribute, e.g. Frame Increment Pointer (0028,0009). */
  static void putTag(AttributeList list, AttributeTag tag, AttributeTag value)
      throws DicomException {
    AttributeTagAttribute a = new AttributeTagAttribute(tag);
    a.addValue(value);
    list.put(a);
  }

  /** Puts an empty sequence (Type 2 SQ with no items). */
  static void putEmptySequence(AttributeList list, AttributeTag tag) {
    list.put(new SequenceAttribute(tag));
  }

  /**
   * Puts a code sequence with one item (PS3.3 Table 8.8-1: Code Value, Coding Scheme Designator,
   * Code Meaning), or an empty sequence when the concept is unknown, which a Type 2 sequence allows.
   */
  static void putCode(AttributeList list, AttributeTag tag, SnomedConcept concept)
      throws DicomException {
    SequenceAttribute seq = new SequenceAttribute(tag);
    if (concept != null) {
      AttributeList item = new AttributeList();
      put(item, TagFromName.CodeValue, com.pixelmed.dicom.ValueRepresentation.SH, concept.code());
      put(item, TagFromName.CodingSchemeDesignator, com.pixelmed.dicom.ValueRepresentation.SH,
          SnomedConcept.DICOM_CODING_SCHEME);
      put(item, TagFromName.CodeMeaning, com.pixelmed.dicom.ValueRepresentation.LO,
          concept.display());
      seq.addItem(item);
    }
    list.put(seq);
  }

  /** DA value (PS3.5 Table 6.2-1). */
  static String da(LocalDate date) {
    return date.format(DA);
  }

  /** TM value without fractions (PS3.5 Table 6.2-1). */
  static String tm(LocalTime time) {
    return time.format(TM);
  }

  /**
   * DS value: plain decimal, at most 4 fraction digits, no exponent, well under the 16 bytes of
   * PS3.5 Table 6.2-1. Formatting is locale-independent, unlike {@code String.format}.
   */
  static String ds(double value) {
    BigDecimal d = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    return d.toPlainString();
  }
}
