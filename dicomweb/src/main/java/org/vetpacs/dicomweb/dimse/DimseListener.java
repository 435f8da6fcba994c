package org.vetpacs.dicomweb.dimse;

import com.pixelmed.network.PresentationContextSelectionPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.ingest.StoreService;
import org.vetpacs.dicomweb.query.QueryService;
import org.vetpacs.dicomweb.storage.BlobStore;
import org.vetpacs.dicomweb.worklist.WorklistService;

/**
 * The DIMSE listener: a server socket on the configured port, one acceptor thread, and a bounded
 * pool of {@link AssociationHandler}s so that several modalities can send at once. When every
 * handler is busy, a new association is rejected as transient with reason local-limit-exceeded
 * (PS3.8 9.3.4), so the modality retries later instead of hanging.
 */
public final class DimseListener {

  private static final Logger LOG = Logger.getLogger(DimseListener.class.getName());

  private final ServerSocket serverSocket;
  private final ThreadPoolExecutor handlers;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final String aeTitle;
  private final AeAccessPolicy access;
  private final List<DimseService> services;
  private final PresentationContextSelectionPolicy policy;
  private volatile boolean stopping;

  private DimseListener(ServerSocket serverSocket, DimseSettings settings, List<DimseService> services) {
    this.serverSocket = serverSocket;
    this.aeTitle = settings.aeTitle();
    this.access = new AeAccessPolicy(settings.aeTitle(), settings.acceptUnknownAes(), settings.knownAeTitles());
    this.services = List.copyOf(services);
    this.policy = new ServicePresentationContextPolicy(this.services);
    AtomicInteger count = new AtomicInteger();
    this.handlers =
        new ThreadPoolExecutor(
            0,
            settings.maxAssociations(),
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "vetpacs-dimse-association-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.acceptor = new Thread(this::acceptLoop, "vetpacs-dimse-" + settings.port());
    this.acceptor.setDaemon(true);
  }

  /** Binds the port and starts accepting associations. */
  public static DimseListener start(
      DimseSettings settings,
      StoreService store,
      IndexRepository index,
      BlobStore blobs,
      QueryService queries,
      WorklistService worklist)
      throws IOException {
    List<DimseService> services =
        List.of(
            new VerificationScp(),
            new StorageScp(store),
            new RetrieveScp(settings, index, blobs),
            new FindScp(queries, worklist));
    ServerSocket serverSocket = new ServerSocket();
    serverSocket.setReuseAddress(true);
    serverSocket.bind(new InetSocketAddress(settings.port()), 64);
    DimseListener listener = new DimseListener(serverSocket, settings, services);
    listener.acceptor.start();
    LOG.info(
        () ->
            "DICOM listener ready: AE "
                + settings.aeTitle()
                + " on port "
                + settings.port()
                + (settings.acceptUnknownAes()
                    ? " (any calling AE accepted)"
                    : " (calling AEs restricted to " + settings.knownAeTitles() + ")"));
    return listener;
  }

  private void acceptLoop() {
    while (!stopping) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (!stopping) {
          LOG.log(Level.SEVERE, "The DICOM listener could not accept a connection", e);
          pause(); // e.g. out of file descriptors: do not spin
        }
        continue;
      }
      try {
        socket.setTcpNoDelay(true);
      } catch (SocketException e) {
        // not essential
      }
      open.add(socket);
      try {
        handlers.execute(
            () -> {
              try {
                new AssociationHandler(socket, aeTitle, access, services, policy).run();
              } finally {
                open.remove(socket);
              }
            });
      } catch (RejectedExecutionException e) {
        open.remove(socket);
        rejectBusy(socket);
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void rejectBusy(Socket socket) {
    LOG.warning(
        () ->
            "Association from "
                + socket.getRemoteSocketAddress()
                + " rejected (transient): all "
                + handlers.getMaximumPoolSize()
                + " association handlers busy");
    try {
      socket.setSoTimeout(2_000);
      AssociateRequestScreen.read(socket.getInputStream());
      AssociateRequestScreen.reject(
          socket,
          AssociateRequestScreen.REJECTED_TRANSIENT,
          AssociateRequestScreen.SOURCE_SERVICE_PROVIDER_PRESENTATION,
          AssociateRequestScreen.LOCAL_LIMIT_EXCEEDED);
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // gone
      }
    }
  }

  /** The port actually bound (useful when started on port 0). */
  public int port() {
    return serverSocket.getLocalPort();
  }

  /** Stops accepting, closes open associations and waits briefly for their handlers. */
  public void stop() {
    stopping = true;
    try {
      serverSocket.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Closing the DICOM listener socket failed", e);
    }
    handlers.shutdown();
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    try {
      if (!handlers.awaitTermination(5, TimeUnit.SECONDS)) {
        handlers.shutdownNow();
      }
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info(() -> "DICOM listener stopped: AE " + aeTitle + " on port " + serverSocket.getLocalPort());
  }
}
