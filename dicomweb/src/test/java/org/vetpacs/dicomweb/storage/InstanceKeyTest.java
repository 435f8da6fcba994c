package org.vetpacs.dicomweb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UID syntax of PS3.5 9.1, which keeps UIDs safe to use in blob paths. */
class InstanceKeyTest {

  private static final String STUDY = "1.2.826.0.1.3680043.2";
  private static final String SERIES = "1.2.826.0.1.3680043.2.1";
  private static final String SOP = "1.2.826.0.1.3680043.2.1.1";

  @Test
  void acceptsValidUids() {
    InstanceKey key = new InstanceKey(STUDY, SERIES, SOP);
    assertEquals(SOP, key.sopInstanceUid());
    assertTrue(InstanceKey.isValidUid("0"));
    assertTrue(InstanceKey.isValidUid("1.0.2"));
    assertTrue(InstanceKey.isValidUid("1." + "2".repeat(62))); // 64 characters
  }

  @Test
  void rejectsInvalidUids() {
    String sixtyFive = "1." + "2".repeat(63);
    assertEquals(65, sixtyFive.length());
    for (String bad :
        Arrays.asList("1.2.a", "01.2", "1.02", sixtyFive, "", "../x", "1..2", ".1", "1.", "1/2",
            " 1.2", "1.2 ", "1.2\u0000", null)) {
      assertFalse(InstanceKey.isValidUid(bad), "isValidUid(" + bad + ")");
      List<String[]> positions =
          List.of(
              new String[] {bad, SERIES, SOP},
              new String[] {STUDY, bad, SOP},
              new String[] {STUDY, SERIES, bad});
      for (String[] uids : positions) {
        assertThrows(
            IllegalArgumentException.class,
            () -> new InstanceKey(uids[0], uids[1], uids[2]),
            "InstanceKey with " + bad);
      }
    }
  }
}
