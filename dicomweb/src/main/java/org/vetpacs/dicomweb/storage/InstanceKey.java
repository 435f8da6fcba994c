package org.vetpacs.dicomweb.storage;

import java.util.regex.Pattern;

/**
 * The three UIDs that place an instance in the archive. Validated on construction so that a UID
 * can safely become part of a file path: PS3.5 9.1 allows only digits and dots, at most 64
 * characters, no empty components and no leading zero in a multi-digit component.
 */
public record InstanceKey(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid) {

  private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

  public InstanceKey {
    requireUid("Study Instance UID", studyInstanceUid);
    requireUid("Series Instance UID", seriesInstanceUid);
    requireUid("SOP Instance UID", sopInstanceUid);
  }

  /** Whether {@code value} is a syntactically valid DICOM UID (PS3.5 9.1). */
  public static boolean isValidUid(String value) {
    return value != null && value.length() <= 64 && UID.matcher(value).matches();
  }

  private static void requireUid(String name, String value) {
    if (!isValidUid(value)) {
      throw new IllegalArgumentException(name + " is not a valid DICOM UID: " + value);
    }
  }
}
