package org.vetpacs.fhir.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The quiet period setting: seconds or an ISO-8601 duration, a bad value falls back to 60 s. */
class WorkflowSchedulerTest {

  @Test
  void quietPeriodInSecondsOrIsoDurationAndDefaultOnNonsense() {
    assertEquals(2_000L, WorkflowScheduler.parse("2"));
    assertEquals(500L, WorkflowScheduler.parse("0.5"));
    assertEquals(120_000L, WorkflowScheduler.parse("PT2M"));
    assertEquals(60_000L, WorkflowScheduler.parse("soon"));
    assertEquals(60_000L, WorkflowScheduler.parse(null));
  }
}
