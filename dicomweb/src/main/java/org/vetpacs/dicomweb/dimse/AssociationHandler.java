package org.vetpacs.dicomweb.dimse;

import com.pixelmed.network.AReleaseException;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.PresentationContextSelectionPolicy;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.ingest.DicomStatus;

/**
 * Serves one association, like PixelMed's {@code StorageSOPClassSCP.run()} but answering with the
 * archive's own statuses: screen the A-ASSOCIATE-RQ ({@link AeAccessPolicy}), let PixelMed's
 * acceptor negotiate the presentation contexts (PS3.8 9.3.3), then receive one request at a time
 * ({@link RequestReader}), dispatch it to the {@link DimseService} of its SOP Class and let the
 * operation answer, until the peer releases (A-RELEASE, PS3.8 7.2) or aborts.
 *
 * <p>Nothing internal is ever sent to the peer: failures become DIMSE statuses (with a short
 * Error Comment) or, when the association itself is broken, an A-ABORT.
 */
final class AssociationHandler implements Runnable {

  private static final Logger LOG = Logger.getLogger(AssociationHandler.class.getName());

  /** ARTIM-like limit for the A-ASSOCIATE-RQ to arrive after the connection opens (PS3.8 9.1.5). */
  private static final int REQUEST_TIMEOUT_MS = 30_000;

  /** An association idle for this long is closed. */
  private static final int IDLE_TIMEOUT_MS = 10 * 60_000;

  private final Socket socket;
  private final String aeTitle;
  private final AeAccessPolicy access;
  private final List<DimseService> services;
  private final PresentationContextSelectionPolicy policy;

  AssociationHandler(
      Socket socket,
      String aeTitle,
      AeAccessPolicy access,
      List<DimseService> services,
      PresentationContextSelectionPolicy policy) {
    this.socket = socket;
    this.aeTitle = aeTitle;
    this.access = access;
    this.services = services;
    this.policy = policy;
  }

  @Override
  public void run() {
    String peer = String.valueOf(socket.getRemoteSocketAddress());
    Association association;
    try {
      socket.setSoTimeout(REQUEST_TIMEOUT_MS);
      AssociateRequestScreen.FirstPdu first = AssociateRequestScreen.read(socket.getInputStream());
      if (first.associateRequest()) {
        var rejection = access.screen(first.calledAeTitle(), first.callingAeTitle());
        if (rejection.isPresent()) {
          LOG.warning(
              () ->
                  "Association from "
                      + peer
                      + " rejected ("
                      + rejection.get()
                      + "): calling AE '"
                      + first.callingAeTitle()
                      + "', called AE '"
                      + first.calledAeTitle()
                      + "'");
          AssociateRequestScreen.reject(
              socket,
              AssociateRequestScreen.REJECTED_PERMANENT,
              AssociateRequestScreen.SOURCE_SERVICE_USER,
              rejection.get().reason());
          return;
        }
      }
      ReplaySocket replay = new ReplaySocket(socket, first.bytes());
      association = AssociationFactory.createNewAssociation(replay, aeTitle, policy);
      Association established = association;
      replay.onReleaseResponse(() -> endArtimWhenPeerCloses(replay, established));
      socket.setSoTimeout(IDLE_TIMEOUT_MS);
    } catch (DicomNetworkException | IOException e) {
      LOG.info(() -> "Association from " + peer + " not established: " + e.getMessage());
      closeQuietly();
      return;
    }
    String calling = association.getCallingAETitle();
    LOG.fine(() -> "Association from " + calling + " (" + peer + ") accepted");
    int requests = 0;
    try {
      while (true) {
        serveOne(association);
        requests++;
      }
    } catch (AReleaseException e) {
      int served = requests;
      LOG.info(() -> "Association from " + calling + " released after " + served + " request(s)");
    } catch (DicomNetworkException | IOException e) {
      if (e.getCause() instanceof SocketTimeoutException || e instanceof SocketTimeoutException) {
        LOG.info(() -> "Association from " + calling + " idle too long: closed");
      } else {
        LOG.log(Level.INFO, "Association from " + calling + " ended: " + e.getMessage());
      }
      abort(association);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Association from " + calling + " failed; aborting it", e);
      abort(association);
    } finally {
      closeQuietly();
    }
  }

  /** Receives one request and has it answered. */
  private void serveOne(Association association)
      throws AReleaseException, DicomNetworkException, IOException {
    RequestReader reader = new RequestReader(this::dispatch);
    association.setReceivedDataHandler(reader);
    try {
      association.waitForPDataPDUsUntilHandlerReportsDone();
    } catch (AReleaseException | DicomNetworkException | RuntimeException e) {
      if (reader.operation() != null) {
        reader.operation().abandon();
      }
      throw e;
    }
    DimseOperation operation = reader.operation();
    if (operation == null) {
      return; // e.g. a C-CANCEL-RQ with nothing to cancel: no response (PS3.7 9.3.2.3)
    }
    try {
      operation.complete(new DimseExchange(association, reader.request()));
    } catch (RuntimeException e) {
      operation.abandon();
      throw e;
    }
  }

  private DimseOperation dispatch(DimseRequest request) throws IOException {
    DimseCommand command = request.command();
    if (command.commandField() == DimseCommand.C_CANCEL_RQ) {
      return null;
    }
    String sopClass = command.affectedSopClassUid();
    for (DimseService service : services) {
      if (service.handles(sopClass)) {
        return service.start(request);
      }
    }
    return Operations.refuse(
        DicomStatus.UNRECOGNIZED_OPERATION,
        "No service for SOP Class " + sopClass);
  }

  /**
   * After our A-RELEASE-RP, PixelMed waits on the association's monitor for its fixed ARTIM
   * period before closing; wake it as soon as the peer has closed its side (PS3.8 9.2.3, AR-10
   * for the requestor), so a handler thread is not held 5 s per association.
   */
  private static void endArtimWhenPeerCloses(ReplaySocket socket, Association association) {
    Thread waiting = Thread.currentThread(); // the handler, about to wait for ARTIM
    Thread watcher =
        new Thread(
            () -> {
              try {
                socket.setSoTimeout(5_000);
                byte[] drain = new byte[512];
                while (socket.rawInput().read(drain) >= 0) {
                  // nothing is expected after A-RELEASE-RQ; wait for the close
                }
              } catch (IOException e) {
                // closed or timed out: either way the wait may end
              }
              // a notify before the handler waits would be lost: wait until it waits
              long deadline = System.currentTimeMillis() + 6_000;
              while (waiting.getState() != Thread.State.TIMED_WAITING
                  && waiting.isAlive()
                  && System.currentTimeMillis() < deadline) {
                try {
                  Thread.sleep(1);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  break;
                }
              }
              synchronized (association) {
                association.notifyAll();
              }
            },
            "vetpacs-dimse-release");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void abort(Association association) {
    try {
      association.abort();
    } catch (DicomNetworkException | RuntimeException e) {
      // the connection is gone already
    }
  }

  private void closeQuietly() {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to do
    }
  }

}
