package org.vetpacs.server.infrastructure;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The embedded, wire-compatible MongoDB server used when no {@code VETPACS_MONGODB_URL} is set: the
 * in-process mongo-java-server with its persistent H2 MVStore backend in {@code
 * <data>/index/vetpacs.mv}, bound to loopback on a free port, or on {@code
 * VETPACS_EMBEDDED_MONGODB_PORT} when set (so that tools such as the benchmark can reach it).
 *
 * <p>Indexes: mongo-java-server keeps only unique indexes itself; here every index the application
 * asks for is a real, persistent one in the same file ({@link IndexedH2Database}, {@link
 * SecondaryIndex}), and queries are planned over them ({@link IndexedH2Collection}).
 *
 * <p>Durability: every journaled write command (any write whose write concern does not say {@code
 * j: false}) is committed and synced to the file before its reply, together with every write
 * applied before it, so an acknowledged store survives a crash of the process. This is MongoDB's
 * journaled write concern: the ingest pipeline sends the first index writes of a store with {@code
 * j: false} and its last one journaled, which then covers them all, on this server as on a real
 * MongoDB.
 */
public final class EmbeddedMongo {

  private static final Logger LOG = Logger.getLogger(EmbeddedMongo.class.getName());
  private static final Set<String> WRITE_COMMANDS =
      Set.of("insert", "update", "delete", "findandmodify", "createindexes", "drop", "dropindexes");

  private static EmbeddedMongo instance;

  private final MongoServer server;
  private final DurableH2Backend backend;
  private final String url;

  /**
   * The loopback port of the embedded server, chosen once per JVM and kept in a system property so
   * that every class loader Payara makes for the application (it scans with throw-away ones during
   * deployment) agrees on it without starting anything.
   */
  static final String PORT_PROPERTY = "vetpacs.embedded.mongodb.port";

  /** The environment variable of a fixed port (the system property above wins). */
  static final String PORT_VARIABLE = "VETPACS_EMBEDDED_MONGODB_PORT";

  /** The port the embedded server listens (or will listen) on. */
  public static int port() {
    synchronized (System.getProperties()) { // one lock for every class loader of this JVM
      String chosen = System.getProperty(PORT_PROPERTY);
      if (chosen == null || chosen.isBlank()) {
        chosen = System.getenv(PORT_VARIABLE);
      }
      if (chosen != null && !chosen.isBlank()) {
        int port = parsePort(chosen.trim());
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        return port;
      }
      try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
        probe.setReuseAddress(true);
        probe.bind(new InetSocketAddress("127.0.0.1", 0));
        int port = probe.getLocalPort();
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        return port;
      } catch (IOException e) {
        throw new UncheckedIOException("No free loopback port for the embedded index", e);
      }
    }
  }

  /** A configured port, or a start-up error that names the setting and the value. */
  static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalStateException(
        PORT_VARIABLE + " must be a TCP port number (1-65535), not '" + value + "'");
  }

  /** The connection URL of the embedded server (started or not). */
  public static String url() {
    return "mongodb://127.0.0.1:" + port();
  }

  private EmbeddedMongo(Path file) {
    this.backend =
        new DurableH2Backend(
            new org.h2.mvstore.MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(cacheMegabytes())
                .open());
    this.server = new MongoServer(backend);
    server.bind(new InetSocketAddress("127.0.0.1", port()));
    this.url = url();
    LOG.info(
        () ->
            "Embedded MongoDB-compatible index started at "
                + url
                + " with data in "
                + file
                + " (set VETPACS_MONGODB_URL for a real MongoDB)");
  }

  /**
   * The MVStore's page cache: an eighth of the maximum heap (64 MiB with the default 512 MiB), at
   * least H2's default 16 MiB, so that more of the indexes' and studies' pages stay decoded when
   * the file grows to gigabytes (5.3 GB at 1M instances, issue #8).
   */
  static int cacheMegabytes() {
    long maxHeap = Runtime.getRuntime().maxMemory();
    return (int) Math.max(16, Math.min(1024, maxHeap / 8 / (1024 * 1024)));
  }

  /** Starts the embedded server once (idempotent) and returns its connection URL. */
  public static synchronized String start(Path dataDir) {
    if (instance == null) {
      Path folder = dataDir.resolve("index");
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the index folder " + folder, e);
      }
      instance = new EmbeddedMongo(folder.resolve("vetpacs.mv"));
    }
    return instance.url;
  }

  /** Stops the embedded server, flushing its file, if it was started. */
  public static synchronized void stop() {
    if (instance != null) {
      instance.server.shutdownNow();
      instance.backend.close();
      LOG.info("Embedded MongoDB-compatible index stopped");
      instance = null;
    }
  }

  /** Whether the embedded server is running. */
  public static synchronized boolean running() {
    return instance != null;
  }

  /** Test hook: how many times the index file was synced since this JVM started it. */
  static long syncs() {
    return SYNCS.get();
  }

  /**
   * Test hook: stops the server as a crash would, without the final commit of a clean stop: only
   * what a sync already wrote is in the file (MVStore's background writer may have written more).
   */
  static synchronized void crash() {
    if (instance != null) {
      instance.server.shutdownNow();
      instance.backend.getMvStore().closeImmediately();
      instance = null;
    }
  }

  private static final java.util.concurrent.atomic.AtomicLong SYNCS =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * Whether a write command asks to wait for the journal: MongoDB's write concern {@code j}
   * (MongoDB manual, "Write Concern", j option). A command with {@code writeConcern: {j: false}}
   * is answered once applied, without a sync; any other write (no write concern, or {@code j}
   * true or absent) is answered only after a sync. Since a sync writes everything applied before
   * it, a journaled write also makes every earlier unjournaled write durable, as a journaled write
   * on MongoDB waits for a journal commit that covers every earlier operation.
   */
  static boolean journaled(Document command) {
    Object concern = command == null ? null : command.get("writeConcern");
    if (concern instanceof Document writeConcern) {
      Object j = writeConcern.get("j");
      return !(j instanceof Boolean b) || b;
    }
    return true;
  }

  /**
   * H2 backend that commits and syncs after every journaled write command (see {@link
   * #journaled}), before its reply. Group commit: writes that finish while another thread is
   * syncing are covered by the next single sync instead of one sync each, and a write whose
   * changes a sync already covered does not sync again. Each journaled reply still waits for a
   * sync that began after its write (and every write applied before it) was applied.
   *
   * <p>A commit waits until no write command is half applied (a write lock against the commands'
   * shared lock), so a document and its index entries are always committed together.
   *
   * <p>Its databases are {@link IndexedH2Database}s: real secondary indexes.
   */
  static final class DurableH2Backend extends H2Backend {
    private final java.util.concurrent.atomic.AtomicLong applied =
        new java.util.concurrent.atomic.AtomicLong();
    private final Object syncLock = new Object();
    private final java.util.concurrent.locks.ReadWriteLock writing =
        new java.util.concurrent.locks.ReentrantReadWriteLock();
    private long synced; // guarded by syncLock: every write numbered up to this is on disk

    DurableH2Backend(String fileName) {
      super(fileName);
    }

    DurableH2Backend(org.h2.mvstore.MVStore store) {
      super(store);
    }

    @Override
    protected de.bwaldvogel.mongo.MongoDatabase openOrCreateDatabase(String databaseName) {
      // called from H2Backend's constructor too: use nothing of this class's own state
      return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(
        Channel channel, String databaseName, String command, Document query) {
      if (command.equalsIgnoreCase("aggregate")) {
        Document find = AggregateAsFind.rewrite(query);
        if (find != null) {
          return super.handleCommand(channel, databaseName, "find", find);
        }
      }
      if (!WRITE_COMMANDS.contains(command.toLowerCase(java.util.Locale.ROOT))) {
        return super.handleCommand(channel, databaseName, command, query);
      }
      Document result;
      writing.readLock().lock();
      try {
        result = super.handleCommand(channel, databaseName, command, query);
      } finally {
        writing.readLock().unlock();
      }
      long mine = applied.incrementAndGet(); // numbered after its changes are applied
      if (!journaled(query)) {
        return result; // {j: false}: a later journaled write (or the clean stop) syncs it
      }
      synchronized (syncLock) {
        if (synced < mine) {
          long upTo = applied.get(); // every write numbered up to here is applied
          writing.writeLock().lock();
          try {
            commit();
          } finally {
            writing.writeLock().unlock();
          }
          getMvStore().sync();
          SYNCS.incrementAndGet();
          synced = upTo;
        }
      }
      return result;
    }
  }
}
