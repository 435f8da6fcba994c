package org.vetpacs.dicomweb.retrieve;

import org.vetpacs.dicomweb.storage.InstanceKey;

/**
 * The target of a retrieve (PS3.18 10.4.1, Table 10.4.1-1): a study, a series of it, or one
 * instance of that series. UIDs are checked on construction (PS3.5 9.1); a malformed one is a 400.
 *
 * @param study Study Instance UID, never null
 * @param series Series Instance UID, or null for the study resource
 * @param instance SOP Instance UID, or null for a study or series resource
 */
public record ResourceScope(String study, String series, String instance) {

  public ResourceScope {
    require("Study Instance UID", study);
    if (series != null) {
      require("Series Instance UID", series);
    }
    if (instance != null) {
      if (series == null) {
        throw new IllegalArgumentException("An instance resource needs its series");
      }
      require("SOP Instance UID", instance);
    }
  }

  public static ResourceScope study(String study) {
    return new ResourceScope(study, null, null);
  }

  public static ResourceScope series(String study, String series) {
    return new ResourceScope(study, series, null);
  }

  public static ResourceScope instance(String study, String series, String instance) {
    return new ResourceScope(study, series, instance);
  }

  /** Words for error messages, e.g. {@code "series 1.2.3"}. */
  public String describe() {
    if (instance != null) {
      return "instance " + instance + " in series " + series + " of study " + study;
    }
    return series != null ? "series " + series + " of study " + study : "study " + study;
  }

  private static void require(String name, String uid) {
    if (!InstanceKey.isValidUid(uid)) {
      throw RetrieveException.badRequest("Not a valid " + name + " (PS3.5 9.1): " + uid);
    }
  }
}
