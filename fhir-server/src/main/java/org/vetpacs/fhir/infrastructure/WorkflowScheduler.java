package org.vetpacs.fhir.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.vetpacs.dicomweb.ingest.InstanceStored;
import org.vetpacs.fhir.service.ReconciliationService;

/**
 * Declares a study complete after a quiet period without a new instance (there is no "end of
 * study" signal in C-STORE or STOW-RS), then completes its order ({@code ServiceRequest.status}
 * {@code active -> completed}). While instances keep coming the order stays {@code active}: R4
 * ServiceRequest has no {@code in-progress} code; {@code active} is the request pattern's "being
 * acted on".
 *
 * <p>The quiet period is {@code vetpacs.workflow.quiet-period} (environment {@code
 * VETPACS_WORKFLOW_QUIET_PERIOD}): seconds, or an ISO-8601 duration such as {@code PT2M}; default
 * 60 s. The clock is in memory: after a restart a study that was still arriving completes its order
 * when its next instance arrives, or by a staff action.
 */
@ApplicationScoped
public class WorkflowScheduler {

  private static final Logger LOG = Logger.getLogger(WorkflowScheduler.class.getName());

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "workflow-quiet-period");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Long> lastArrival = new ConcurrentHashMap<>();

  @Inject ReconciliationService reconciliation;

  @Inject
  @ConfigProperty(name = "vetpacs.workflow.quiet-period", defaultValue = "60")
  String quietPeriod;

  private long quietMillis = -1;

  void instanceStored(@Observes InstanceStored event) {
    String uid = event.studyInstanceUid();
    boolean first = lastArrival.put(uid, System.currentTimeMillis()) == null;
    if (first) {
      schedule(uid, quietMillis());
    }
  }

  private void schedule(String uid, long delayMillis) {
    try {
      timer.schedule(() -> check(uid), delayMillis, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      lastArrival.remove(uid);
      LOG.log(Level.WARNING, "Could not schedule the quiet period of study " + uid, e);
    }
  }

  private void check(String uid) {
    Long last = lastArrival.get(uid);
    if (last == null) {
      return;
    }
    long quietFor = System.currentTimeMillis() - last;
    if (quietFor < quietMillis()) {
      schedule(uid, quietMillis() - quietFor);
      return;
    }
    lastArrival.remove(uid, last);
    try {
      reconciliation.studyComplete(uid).ifPresent(order ->
          LOG.info(() -> "Study " + uid + " complete; ServiceRequest/" + order + " completed"));
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "Completing the order of study " + uid + " failed", e);
    }
  }

  /** The quiet period in milliseconds (a bad value falls back to the default, with a warning). */
  long quietMillis() {
    if (quietMillis < 0) {
      quietMillis = parse(quietPeriod);
    }
    return quietMillis;
  }

  static long parse(String value) {
    String v = value == null ? "" : value.trim();
    try {
      return v.matches("[0-9]+(\\.[0-9]+)?")
          ? (long) (Double.parseDouble(v) * 1000)
          : Duration.parse(v).toMillis();
    } catch (DateTimeParseException | NumberFormatException e) {
      LOG.warning("vetpacs.workflow.quiet-period '" + v + "' is neither seconds nor an ISO-8601"
          + " duration; using 60 s");
      return 60_000L;
    }
  }

  @PreDestroy
  void stop() {
    timer.shutdownNow();
  }
}
