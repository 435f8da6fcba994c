package org.vetpacs.dicomweb.dimse;

import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCPDispatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * The DIMSE listener on the configured port and AE title, built on PixelMed's
 * StorageSOPClassSCPDispatcher (one thread per association). It answers C-ECHO; the other DIMSE
 * services are not offered yet (see {@link VerificationOnlyPolicy}).
 */
public final class DimseListener {

  private static final Logger LOG = Logger.getLogger(DimseListener.class.getName());

  private final StorageSOPClassSCPDispatcher dispatcher;
  private final Thread thread;
  private final int port;
  private final String aeTitle;

  private DimseListener(StorageSOPClassSCPDispatcher dispatcher, int port, String aeTitle) {
    this.dispatcher = dispatcher;
    this.port = port;
    this.aeTitle = aeTitle;
    this.thread = new Thread(dispatcher, "vetpacs-dimse-" + port);
    this.thread.setDaemon(true);
  }

  /** Binds the port and starts accepting associations. */
  public static DimseListener start(int port, String aeTitle, Path workDirectory)
      throws IOException {
    Files.createDirectories(workDirectory);
    ReceivedObjectHandler refuseStorage =
        new ReceivedObjectHandler() {
          @Override
          public void sendReceivedObjectIndication(String file, String syntax, String callingAe)
              throws IOException {
            // Unreachable: storage contexts are rejected at association time.
            Files.deleteIfExists(Path.of(file));
          }
        };
    StorageSOPClassSCPDispatcher dispatcher =
        new StorageSOPClassSCPDispatcher(
            port,
            aeTitle,
            workDirectory.toFile(),
            null,
            refuseStorage,
            null,
            null,
            null,
            null,
            new VerificationOnlyPolicy(),
            false);
    DimseListener listener = new DimseListener(dispatcher, port, aeTitle);
    listener.thread.start();
    long deadline = System.currentTimeMillis() + 10_000;
    while (!dispatcher.isReady() && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (!dispatcher.isReady()) {
      listener.stop();
      throw new IOException("The DICOM listener could not bind port " + port);
    }
    LOG.info(() -> "DICOM listener ready: AE " + aeTitle + " on port " + port);
    return listener;
  }

  /** Stops accepting associations. */
  public void stop() {
    dispatcher.shutdown();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info(() -> "DICOM listener stopped: AE " + aeTitle + " on port " + port);
  }
}
