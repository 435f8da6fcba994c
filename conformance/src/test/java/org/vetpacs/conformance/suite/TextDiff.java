package org.vetpacs.conformance.suite;

/** A short account of where two texts first differ, for failure messages. */
final class TextDiff {

  private TextDiff() {}

  /**
   * The first differing line of two texts, with its number and both versions.
   *
   * @param expected the published text
   * @param actual what the server answered
   * @return a few lines for a failure message
   */
  static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    int n = Math.min(e.length, a.length);
    for (int i = 0; i < n; i++) {
      if (!e[i].equals(a[i])) {
        return "line " + (i + 1) + ":\n  published: " + e[i] + "\n  served:    " + a[i];
      }
    }
    return "the published text has " + e.length + " lines, the served one " + a.length;
  }
}
