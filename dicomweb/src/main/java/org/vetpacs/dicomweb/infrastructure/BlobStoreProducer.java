package org.vetpacs.dicomweb.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.vetpacs.dicomweb.config.ArchiveConfig;
import org.vetpacs.dicomweb.storage.BlobStore;

/** Produces the configured {@link BlobStore}: the file system under the data folder. */
@ApplicationScoped
public class BlobStoreProducer {

  @Inject ArchiveConfig config;

  @Produces
  @ApplicationScoped
  public BlobStore blobStore() {
    try {
      return new FileBlobStore(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot create the blob folders under " + config.dataDir() + ": " + e.getMessage(), e);
    }
  }
}
