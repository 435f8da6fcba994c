package org.vetpacs.dicomweb.infrastructure;

/**
 * A MongoDB-compatible server that the deployment runs in-process (the embedded default). The
 * deployable provides it as a CDI bean; {@link IndexDatabase} makes sure it runs before it
 * connects. With an external MongoDB there is none, or it does nothing.
 */
public interface IndexServer {

  /** Starts the server if it is not running yet; idempotent. */
  void ensureStarted();
}
