package org.vetpacs.server.openapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Serves the published OpenAPI document at {@code /openapi}: the checked-in {@code
 * conformance/src/main/resources/openapi.json}, packaged in the WAR, instead of Payara's
 * MicroProfile OpenAPI generator.
 *
 * <p>Why: Payara builds its document on the first request by parsing the class model of every jar
 * of the 118 MB WAR (HAPI FHIR's structures included), which needs well over the server's default
 * 512 MiB heap. The document it would build is the same one: the integration tests run with {@code
 * vetpacs.openapi.generate=true}, where this filter steps aside, and {@code ConformanceSuiteIT}
 * fails when Payara's generated document and the checked-in copy differ ({@code ./vetpacs
 * update-conformance} refreshes it).
 *
 * <p>Formats as in MicroProfile OpenAPI 3.1 (section 5): JSON when asked for by {@code
 * ?format=JSON} or {@code Accept: application/json}, otherwise YAML. The YAML answer is the same
 * text: a JSON document is a YAML 1.2 document.
 */
@WebFilter(urlPatterns = {"/openapi", "/openapi/*"})
public class PublishedOpenApiFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Where the build puts the checked-in document in the WAR's class path. */
  static final String RESOURCE = "/META-INF/vetpacs/openapi.json";

  private transient byte[] document;
  private boolean generate;

  @Override
  public void init() throws ServletException {
    generate =
        ConfigProvider.getConfig()
            .getOptionalValue("vetpacs.openapi.generate", Boolean.class)
            .orElse(false);
    if (!generate) {
      document = load();
    }
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (generate) {
      chain.doFilter(req, res);
      return;
    }
    if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
      res.setHeader("Allow", "GET, HEAD");
      res.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    res.setContentType(wantsJson(req) ? "application/json" : "application/yaml");
    res.setCharacterEncoding("UTF-8");
    res.setContentLength(document.length);
    if ("GET".equals(req.getMethod())) {
      res.getOutputStream().write(document);
    }
  }

  static boolean wantsJson(HttpServletRequest req) {
    String format = req.getParameter("format");
    if (format != null) {
      return "json".equalsIgnoreCase(format);
    }
    String accept = req.getHeader("Accept");
    if (accept == null) {
      return false;
    }
    String lower = accept.toLowerCase(Locale.ROOT);
    return lower.contains("application/json") && !lower.contains("yaml");
  }

  private static byte[] load() {
    try (InputStream in = PublishedOpenApiFilter.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The published OpenAPI document " + RESOURCE + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
