package org.vetpacs.server.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.storage.BlobStore;

/** MicroProfile Health checks of the two things an instance store needs: index and blob store. */
@ApplicationScoped
public class ArchiveHealthChecks {

  /** Refuse readiness when less than this is free for blobs. */
  static final long MIN_FREE_BYTES = 512L * 1024 * 1024;

  @Inject IndexRepository index;
  @Inject BlobStore blobs;

  @Produces
  @Readiness
  @Liveness
  HealthCheck indexCheck() {
    return () -> {
      try {
        long studies = index.countAllStudies();
        return HealthCheckResponse.named("index").up().withData("studies", studies).build();
      } catch (RuntimeException e) {
        return HealthCheckResponse.named("index")
            .down()
            .withData("error", e.getClass().getSimpleName())
            .build();
      }
    };
  }

  @Produces
  @Readiness
  HealthCheck blobStoreCheck() {
    return () -> {
      try {
        long free = blobs.usableSpace();
        boolean up = blobs.isWritable() && free >= MIN_FREE_BYTES;
        return HealthCheckResponse.named("blob-store")
            .status(up)
            .withData("writable", blobs.isWritable())
            .withData("freeBytes", free)
            .build();
      } catch (java.io.IOException | RuntimeException e) {
        return HealthCheckResponse.named("blob-store")
            .down()
            .withData("error", e.getClass().getSimpleName())
            .build();
      }
    };
  }
}
