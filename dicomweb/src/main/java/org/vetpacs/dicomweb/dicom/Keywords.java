package org.vetpacs.dicomweb.dicom;

import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;

/**
 * DICOM keywords and tags (PS3.6), from PixelMed's data dictionary, so that query keys and
 * includefield values can be given either way (PS3.18 8.3.4.1).
 */
public final class Keywords {

  private static final DicomDictionary DICTIONARY = DicomDictionary.StandardDictionary;

  private Keywords() {}

  /**
   * The tag named by a keyword or by eight hex digits, or null if neither.
   */
  public static Integer tagOf(String keywordOrTag) {
    if (keywordOrTag == null || keywordOrTag.isEmpty()) {
      return null;
    }
    if (keywordOrTag.matches("[0-9A-Fa-f]{8}")) {
      return (int) Long.parseLong(keywordOrTag, 16);
    }
    AttributeTag tag = DICTIONARY.getTagFromName(keywordOrTag);
    return tag == null ? null : (tag.getGroup() << 16) | tag.getElement();
  }

  /** The keyword of a tag, or null for private or unknown tags. */
  public static String keywordOf(int tag) {
    return DICTIONARY.getNameFromTag(new AttributeTag(tag >>> 16, tag & 0xFFFF));
  }

  /** The VR of a tag from the dictionary, or "UN". */
  public static String vrOf(int tag) {
    byte[] vr = DICTIONARY.getValueRepresentationFromTag(new AttributeTag(tag >>> 16, tag & 0xFFFF));
    return vr == null ? "UN" : new String(vr, java.nio.charset.StandardCharsets.US_ASCII);
  }
}
