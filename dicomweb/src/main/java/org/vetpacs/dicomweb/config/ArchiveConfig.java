package org.vetpacs.dicomweb.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The archive's settings (MicroProfile Config; an environment variable such as {@code
 * VETPACS_DATA_DIR} overrides the property {@code vetpacs.data.dir}). Every setting has a safe
 * default so that the server runs with none.
 */
@ApplicationScoped
public class ArchiveConfig {

  @Inject
  @ConfigProperty(name = "vetpacs.data.dir", defaultValue = "./var")
  String dataDir;

  @Inject
  @ConfigProperty(name = "vetpacs.ae.title", defaultValue = "VETPACS")
  String aeTitle;

  @Inject
  @ConfigProperty(name = "vetpacs.dicom.port", defaultValue = "11112")
  int dicomPort;

  @Inject
  @ConfigProperty(name = "vetpacs.http.port", defaultValue = "8080")
  int httpPort;

  @Inject
  @ConfigProperty(name = "vetpacs.base.url")
  Optional<String> baseUrl;

  @Inject
  @ConfigProperty(name = "vetpacs.dicom.known-aes")
  Optional<String> knownAes;

  @Inject
  @ConfigProperty(name = "vetpacs.dicom.accept-unknown-aes", defaultValue = "true")
  boolean acceptUnknownAes;

  @Inject
  @ConfigProperty(name = "vetpacs.dicomweb.delete-enabled", defaultValue = "false")
  boolean deleteEnabled;

  @Inject
  @ConfigProperty(name = "vetpacs.cors.allowed-origins", defaultValue = "*")
  String corsAllowedOrigins;

  /** Root of the data folder: blobs, temporary files and the embedded index live under it. */
  public Path dataDir() {
    return Path.of(dataDir).toAbsolutePath().normalize();
  }

  /** This server's DICOM Application Entity title. */
  public String aeTitle() {
    return aeTitle;
  }

  /** TCP port of the DIMSE listener. */
  public int dicomPort() {
    return dicomPort;
  }

  /** TCP port of the HTTP listener (as given to Payara Micro; used in log lines). */
  public int httpPort() {
    return httpPort;
  }

  /**
   * Public base URL of the server (e.g. behind a proxy), used in RetrieveURL attributes; when
   * absent, the URL of the incoming request is used.
   */
  public Optional<String> baseUrl() {
    return baseUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
  }

  /**
   * The remote AEs the archive knows ({@code vetpacs.dicom.known-aes}, e.g. {@code
   * STORESCP@127.0.0.1:11311,PACS2@10.0.0.5:104}): C-MOVE destinations and, with the allow-list
   * on, the only calling AEs accepted.
   *
   * @throws IllegalArgumentException if the setting is malformed (the server then does not start)
   */
  public List<KnownAe> knownAes() {
    return KnownAe.parseList(knownAes.orElse(""));
  }

  /**
   * Whether associations from calling AE titles not in {@link #knownAes()} are accepted ({@code
   * vetpacs.dicom.accept-unknown-aes}, default true: a clinic's modalities work out of the box).
   */
  public boolean acceptUnknownAes() {
    return acceptUnknownAes;
  }

  /**
   * Whether DICOMweb DELETE of studies, series and instances is allowed ({@code
   * vetpacs.dicomweb.delete-enabled}, default false). There is no authentication yet, so deleting
   * is an administrator's decision taken in the configuration; when off, DELETE answers 405.
   */
  public boolean deleteEnabled() {
    return deleteEnabled;
  }

  /**
   * Origins a browser may call the DICOMweb and WADO-URI faces from ({@code
   * vetpacs.cors.allowed-origins}, comma-separated, default {@code *} = any origin).
   */
  public List<String> corsAllowedOrigins() {
    List<String> origins = new java.util.ArrayList<>();
    for (String origin : (corsAllowedOrigins == null ? "*" : corsAllowedOrigins).split(",")) {
      if (!origin.isBlank()) {
        origins.add(origin.trim());
      }
    }
    return origins.isEmpty() ? List.of("*") : List.copyOf(origins);
  }
}
