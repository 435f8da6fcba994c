package org.vetpacs.fhir.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * When to try a failed notification again: exponential backoff from {@code initial}, doubling up
 * to {@code max}, giving up after {@code maxAttempts} attempts or when the notification is older
 * than {@code maxAge}. (FHIR R4 leaves retries to the server; this is the usual webhook policy.)
 *
 * @param initial the delay after the first failure
 * @param max the longest delay
 * @param maxAttempts attempts before giving up (at least 1)
 * @param maxAge the age after which a notification is given up
 */
public record Backoff(Duration initial, Duration max, int maxAttempts, Duration maxAge) {

  /** Checks the bounds. */
  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1
        || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("Invalid backoff: initial " + initial + ", max " + max
          + ", max attempts " + maxAttempts + ", max age " + maxAge);
    }
  }

  /**
   * The delay after a number of failed attempts: {@code initial * 2^(failures - 1)}, at most
   * {@code max}.
   *
   * @param failures failed attempts so far (1 after the first failure)
   * @return the delay
   */
  public Duration delayAfter(int failures) {
    int doublings = Math.max(0, failures - 1);
    if (doublings >= 62) {
      return max;
    }
    long millis = initial.toMillis();
    long factor = 1L << doublings;
    if (millis > Long.MAX_VALUE / factor) {
      return max;
    }
    Duration d = Duration.ofMillis(millis * factor);
    return d.compareTo(max) > 0 ? max : d;
  }

  /**
   * Whether to give up after this failure.
   *
   * @param failures failed attempts so far
   * @param queuedAt when the notification was queued
   * @param now now
   * @return true when no further attempt is made
   */
  public boolean givesUp(int failures, Instant queuedAt, Instant now) {
    return failures >= maxAttempts
        || now.plus(delayAfter(failures)).isAfter(queuedAt.plus(maxAge));
  }

  /**
   * Parses a duration: ISO-8601 ({@code PT1S}) or a number with a unit {@code ms}, {@code s},
   * {@code m}, {@code h}, {@code d} ({@code 500ms}, {@code 1s}, {@code 10m}).
   *
   * @param text the text
   * @return the duration
   * @throws IllegalArgumentException when it is neither
   */
  public static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("p")) {
      return Duration.parse(t.toUpperCase(Locale.ROOT));
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+)\\s*(ms|s|m|h|d)")
        .matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a duration (e.g. 500ms, 1s, 10m, 1h, PT1S): " + text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
