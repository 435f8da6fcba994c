package org.vetpacs.dicomweb.ingest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Where the ingest pipeline spends its time, one MicroProfile Metrics timer per stage of {@link
 * StoreService} ({@code vetpacs.ingest.stage}, tag {@code stage}; at {@code /metrics}, in
 * Prometheus form {@code vetpacs_ingest_stage_seconds_sum} and {@code _count}). An administrator
 * sees whether a slow ingest waits on the network, the disk or the index; the benchmark prints the
 * breakdown per instance.
 */
@ApplicationScoped
public class IngestMetrics {

  /** The stages of a store, in pipeline order. */
  public enum Stage {
    /** Streaming the sender's bytes into a temporary file, hashing them (STOW-RS only). */
    RECEIVE,
    /** Reading and checking the header. */
    PARSE,
    /** The workflow's header coercion (checking whether any applies, and applying it). */
    COERCE,
    /** The index reservation of the SOP Instance UID. */
    RESERVE,
    /** Making the blob durable: fsync of the file, link to its name, fsync of its folder. */
    BLOB,
    /** Counting the instance in its series and study records. */
    COUNT,
    /** The journaled {@code STORED} mark: the index sync. */
    MARK;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Map<Stage, Timer> timers = new EnumMap<>(Stage.class);
  private MetricRegistry registry;

  protected IngestMetrics() {}

  @Inject
  public IngestMetrics(MetricRegistry registry) {
    this.registry = registry;
  }

  @PostConstruct
  void register() {
    Metadata metadata =
        Metadata.builder()
            .withName("vetpacs.ingest.stage")
            .withDescription("Time spent by each stored instance in each stage of the ingest pipeline")
            // Payara 6 then exports _seconds_sum, _mean and _max in seconds (its quantiles stay in
            // nanoseconds, a Payara quirk: read the sum and count)
            .withUnit(MetricUnits.NANOSECONDS)
            .build();
    for (Stage stage : Stage.values()) {
      timers.put(stage, registry.timer(metadata, new Tag("stage", stage.label())));
    }
  }

  /** Records that one instance spent {@code nanos} in {@code stage}. */
  public void record(Stage stage, long nanos) {
    Timer timer = timers.get(stage);
    if (timer != null) {
      timer.update(Duration.ofNanos(nanos));
    }
  }
}
