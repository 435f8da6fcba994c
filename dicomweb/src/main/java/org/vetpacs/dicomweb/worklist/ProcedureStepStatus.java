package org.vetpacs.dicomweb.worklist;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Scheduled Procedure Step Status (0040,0020), the subset of the defined terms of PS3.3 C.4.10
 * (Scheduled Procedure Step Module) this archive keeps.
 *
 * <p>A Modality Worklist query that does not ask for a status only sees the steps a technician can
 * still start: {@link #SCHEDULED}, {@link #ARRIVED} and {@link #READY} ({@link #isWaiting()}).
 * {@link #COMPLETED} and {@link #DISCONTINUED} are final.
 */
public enum ProcedureStepStatus {
  /** Scheduled, the patient has not arrived yet. */
  SCHEDULED,
  /** The patient has arrived at the clinic. */
  ARRIVED,
  /** All prerequisites met: the step can start. */
  READY,
  /** The modality has started the step. */
  STARTED,
  /** Done; final. */
  COMPLETED,
  /** Cancelled or stopped before completion; final. */
  DISCONTINUED;

  /** The statuses a worklist shows when the query names none. */
  public static final Set<ProcedureStepStatus> WAITING = EnumSet.of(SCHEDULED, ARRIVED, READY);

  /** Whether a modality's default worklist query returns a step in this status. */
  public boolean isWaiting() {
    return WAITING.contains(this);
  }

  /** Whether no further change of status is allowed. */
  public boolean isFinal() {
    return this == COMPLETED || this == DISCONTINUED;
  }

  /**
   * Whether a step in this status may be moved to {@code next}. Waiting steps may move anywhere
   * (including back, e.g. READY to ARRIVED when a prerequisite goes missing); a started step may
   * only complete or be discontinued; a final status never changes. Setting the same status again
   * is allowed, so that retries are harmless.
   */
  public boolean canMoveTo(ProcedureStepStatus next) {
    if (next == this) {
      return true;
    }
    if (isFinal()) {
      return false;
    }
    if (this == STARTED) {
      return next.isFinal();
    }
    return true;
  }

  /**
   * Reads a status as written in (0040,0020), ignoring case and surrounding blanks.
   *
   * @throws WorklistException of kind {@link WorklistException.Kind#INVALID} for anything else
   */
  public static ProcedureStepStatus parse(String text) {
    if (text == null || text.isBlank()) {
      throw WorklistException.invalid("ScheduledProcedureStepStatus is required");
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw WorklistException.invalid(
          "ScheduledProcedureStepStatus must be one of "
              + EnumSet.allOf(ProcedureStepStatus.class)
              + ": "
              + text);
    }
  }
}
