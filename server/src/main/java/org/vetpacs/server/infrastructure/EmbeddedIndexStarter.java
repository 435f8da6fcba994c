package org.vetpacs.server.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import org.vetpacs.dicomweb.infrastructure.IndexServer;

/**
 * The embedded index as the archive's {@link IndexServer}: started by the application's first
 * connection to the index, and only when no {@code VETPACS_MONGODB_URL} points at a real MongoDB.
 */
@ApplicationScoped
public class EmbeddedIndexStarter implements IndexServer {

  @Override
  public void ensureStarted() {
    if (IndexConfigSource.externalUrl() == null) {
      EmbeddedMongo.start(IndexConfigSource.dataDir());
    }
  }
}
