package org.vetpacs.dicomweb.infrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentConfiguration;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentManager;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentManagerFactory;
import org.eclipse.microprofile.config.Config;

/**
 * The one MongoDB connection of the application, given to JNoSQL.
 *
 * <p>JNoSQL's own producer reads {@code jnosql.mongodb.url} through a Config captured once per
 * class loader the first time it is used; under Payara that capture sometimes happens outside the
 * application's class loader during deployment, and then neither VetPACS's settings nor the
 * embedded index are seen (it dialled localhost:27017 and the deployment failed). This producer,
 * an enabled alternative, reads the settings through the application's injected Config instead.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class IndexDatabase {

  private static final Logger LOG = Logger.getLogger(IndexDatabase.class.getName());

  @Inject Config config;
  @Inject Instance<IndexServer> servers;

  private MongoClient client;
  private MongoDBDocumentManagerFactory factory;
  private MongoDBDocumentManager manager;
  private String database;

  /** The JNoSQL document manager every MongoDBTemplate uses. */
  @Produces
  @Typed(MongoDBDocumentManager.class)
  public synchronized MongoDBDocumentManager manager() {
    if (manager == null) {
      servers.forEach(IndexServer::ensureStarted);
      String url =
          config
              .getOptionalValue("jnosql.mongodb.url", String.class)
              .orElseGet(IndexDatabase::urlFromConfigSources);
      database = config.getOptionalValue("jnosql.document.database", String.class).orElse("vetpacs");
      client = MongoClients.create(url);
      factory = new MongoDBDocumentConfiguration().get(client);
      manager = factory.apply(database);
      LOG.info(() -> "Index database '" + database + "' connected");
    }
    return manager;
  }

  /**
   * The URL straight from the application's own ConfigSources. Payara sometimes hands the
   * application a Config without them (seen under load: "Unable to find property with name
   * jnosql.mongodb.url", a failed deployment about one start in three); the deployable's
   * ConfigSource is still on the application's class path, so ask it directly.
   */
  private static String urlFromConfigSources() {
    for (org.eclipse.microprofile.config.spi.ConfigSource source :
        java.util.ServiceLoader.load(
            org.eclipse.microprofile.config.spi.ConfigSource.class,
            IndexDatabase.class.getClassLoader())) {
      String value = source.getValue("jnosql.mongodb.url");
      if (value != null) {
        LOG.warning(
            "The application's Config had no jnosql.mongodb.url; using ConfigSource "
                + source.getName());
        return value;
      }
    }
    throw new java.util.NoSuchElementException(
        "jnosql.mongodb.url is not configured (set VETPACS_MONGODB_URL, or deploy the server"
            + " module that provides the embedded index)");
  }

  /** The driver client behind the manager (for index management and health checks). */
  public synchronized MongoClient client() {
    manager();
    return client;
  }

  /** The database name. */
  public synchronized String database() {
    manager();
    return database;
  }

  @PreDestroy
  synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
      manager = null;
    }
  }
}
