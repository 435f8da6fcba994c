package org.vetpacs.conformance.suite;

import java.net.URI;
import org.vetpacs.conformance.client.ApiClient;

/** The server under test, named by {@code -Dvetpacs.url=http://host:port}. */
final class Target {

  private Target() {}

  /**
   * The base URL, without a trailing slash.
   *
   * @return e.g. {@code http://127.0.0.1:8080}
   */
  static String url() {
    String url = System.getProperty("vetpacs.url", "");
    if (url.isBlank()) {
      throw new IllegalStateException(
          "Name the server under test: -Dvetpacs.url=http://host:8080 (see conformance/README.md)");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The host of {@link #url()}, for DIMSE. */
  static String host() {
    return URI.create(url()).getHost();
  }

  /** The DICOM port: {@code -Dvetpacs.dicom.port}, else the default 11112. */
  static int dicomPort() {
    return Integer.getInteger("vetpacs.dicom.port", 11112);
  }

  /** The generated OpenAPI client, pointed at the server under test. */
  static ApiClient client() {
    ApiClient client = new ApiClient();
    client.updateBaseUri(url());
    return client;
  }
}
