package org.vetpacs.server.infrastructure;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies JNoSQL's MongoDB settings from VetPACS's own: {@code jnosql.mongodb.url} is {@code
 * VETPACS_MONGODB_URL} when set (a real MongoDB or replica set: nothing embedded starts), otherwise
 * the URL of the {@link EmbeddedMongo embedded server}. The low ordinal lets any explicit {@code
 * jnosql.*} setting win.
 *
 * <p>It has no side effect: Payara reads configuration during deployment with throw-away class
 * loaders, and an embedded server started from one of those held the index file's lock, so that
 * the real application then found no index (an intermittent failed deployment). The server is
 * started by {@link EmbeddedIndexStarter} in the application itself.
 *
 * <p>A ConfigSource cannot ask the Config it belongs to, so it reads the two VetPACS settings it
 * needs from system properties and environment variables itself.
 */
public class IndexConfigSource implements ConfigSource {

  static final String URL = "jnosql.mongodb.url";
  static final String DATABASE = "jnosql.document.database";
  private static final String DEFAULT_DATABASE = "vetpacs";

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(URL, DATABASE);
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.of(URL, getValue(URL), DATABASE, DEFAULT_DATABASE);
  }

  @Override
  public String getValue(String name) {
    if (DATABASE.equals(name)) {
      return DEFAULT_DATABASE;
    }
    if (!URL.equals(name)) {
      return null;
    }
    String external = externalUrl();
    return external != null ? external : EmbeddedMongo.url();
  }

  /** {@code VETPACS_MONGODB_URL}, or null when the embedded index is to be used. */
  static String externalUrl() {
    return setting("vetpacs.mongodb.url", "VETPACS_MONGODB_URL");
  }

  /** {@code VETPACS_DATA_DIR} (default {@code ./var}), absolute. */
  static Path dataDir() {
    String dataDir = setting("vetpacs.data.dir", "VETPACS_DATA_DIR");
    return Path.of(dataDir == null ? "./var" : dataDir).toAbsolutePath();
  }

  @Override
  public String getName() {
    return "vetpacs-index";
  }

  @Override
  public int getOrdinal() {
    return 50;
  }

  private static String setting(String property, String variable) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(variable);
    }
    return value == null || value.isBlank() ? null : value.trim();
  }
}
