package org.vetpacs.dicomweb.dicom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small, toolkit-free DICOM data set: elements by tag in ascending order, each with its VR and
 * values (String for text, PN and AT; Number for numeric VRs; {@link DicomDataset} items for SQ;
 * null for an empty value in a multi-valued element). Binary values are kept only as a bulk data
 * URI or inline base64. It is what query results are built as, and what the DICOM JSON (PS3.18
 * F.2) and Native DICOM Model XML (PS3.19 A.1) writers write.
 */
public final class DicomDataset {

  /** One element: its VR, values, and for binary VRs the bulk data URI or inline base64. */
  public record Element(String vr, List<Object> values, String bulkDataUri, String inlineBinary) {
    public Element {
      values = values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  private final TreeMap<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);

  /** Adds or replaces a string-valued element; an empty or null value makes an empty element. */
  public DicomDataset put(int tag, String vr, String value) {
    List<Object> values = new ArrayList<>();
    if (value != null && !value.isEmpty()) {
      values.add(value);
    }
    elements.put(tag, new Element(vr, values, null, null));
    return this;
  }

  /** Adds or replaces an element with several values. */
  public DicomDataset putValues(int tag, String vr, List<?> values) {
    elements.put(tag, new Element(vr, new ArrayList<>(values == null ? List.of() : values), null, null));
    return this;
  }

  /** Adds or replaces a numeric element. */
  public DicomDataset putNumber(int tag, String vr, Number value) {
    elements.put(tag, new Element(vr, value == null ? List.of() : List.of(value), null, null));
    return this;
  }

  /** Adds or replaces a sequence. */
  public DicomDataset putSequence(int tag, List<DicomDataset> items) {
    elements.put(tag, new Element("SQ", new ArrayList<>(items), null, null));
    return this;
  }

  /** Adds or replaces an element exactly as given. */
  public DicomDataset put(int tag, Element element) {
    elements.put(tag, element);
    return this;
  }

  public Element get(int tag) {
    return elements.get(tag);
  }

  public boolean contains(int tag) {
    return elements.containsKey(tag);
  }

  /** The first value as a string, or the empty string. */
  public String string(int tag) {
    Element e = elements.get(tag);
    if (e == null || e.values().isEmpty() || e.values().get(0) == null) {
      return "";
    }
    return String.valueOf(e.values().get(0));
  }

  public void remove(int tag) {
    elements.remove(tag);
  }

  /** Elements in ascending tag order. */
  public Map<Integer, Element> elements() {
    return Collections.unmodifiableMap(elements);
  }

  /** Copies the given tags (those present) from {@code other}. */
  public void copyFrom(DicomDataset other, Iterable<Integer> tags) {
    for (int tag : tags) {
      Element e = other.get(tag);
      if (e != null) {
        elements.put(tag, e);
      }
    }
  }

  /** Copies every element of {@code other} not already present here. */
  public void addMissing(DicomDataset other) {
    other.elements.forEach(elements::putIfAbsent);
  }

  private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

  /**
   * The tag as the eight upper-case hex digits of DICOM JSON (by hand: {@code String.format}
   * parses its pattern on every call, for every element of every header written).
   */
  public static String hex(int tag) {
    char[] digits = new char[8];
    for (int i = 7; i >= 0; i--) {
      digits[i] = HEX_DIGITS[tag & 0xF];
      tag >>>= 4;
    }
    return new String(digits);
  }
}
