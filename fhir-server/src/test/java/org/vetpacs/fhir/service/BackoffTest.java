package org.vetpacs.fhir.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The retry policy of notifications. */
class BackoffTest {

  private final Backoff backoff =
      new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 10, Duration.ofHours(1));

  @Test
  void delayDoublesFromInitialUpToMax() {
    assertEquals(Duration.ofSeconds(1), backoff.delayAfter(1));
    assertEquals(Duration.ofSeconds(2), backoff.delayAfter(2));
    assertEquals(Duration.ofSeconds(16), backoff.delayAfter(5));
    assertEquals(Duration.ofSeconds(30), backoff.delayAfter(6));
    assertEquals(Duration.ofSeconds(30), backoff.delayAfter(500));
  }

  @Test
  void givesUpAfterMaxAttemptsOrMaxAge() {
    Instant t0 = Instant.parse("2026-11-26T00:00:00Z");
    assertFalse(backoff.givesUp(9, t0, t0.plusSeconds(60)));
    assertTrue(backoff.givesUp(10, t0, t0.plusSeconds(60)));
    assertTrue(backoff.givesUp(2, t0, t0.plus(Duration.ofHours(1))));
  }

  @Test
  void durationsParseWithUnitsOrIso8601() {
    assertEquals(Duration.ofMillis(200), Backoff.parseDuration("200ms"));
    assertEquals(Duration.ofSeconds(1), Backoff.parseDuration("1s"));
    assertEquals(Duration.ofMinutes(10), Backoff.parseDuration("10m"));
    assertEquals(Duration.ofHours(24), Backoff.parseDuration("24h"));
    assertEquals(Duration.ofSeconds(5), Backoff.parseDuration("PT5S"));
    assertThrows(IllegalArgumentException.class, () -> Backoff.parseDuration("soon"));
    assertThrows(IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, Duration.ofHours(1)));
  }
}
