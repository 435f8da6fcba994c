package org.vetpacs.dicomweb.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.vetpacs.dicomweb.config.ArchiveConfig;

/**
 * CORS (the Fetch standard's CORS protocol) for {@code /dicom-web} and {@code /wado}, so that a
 * browser viewer served from another origin (OHIF and other {@code dicomweb-client} users) can
 * query, retrieve and store.
 *
 * <ul>
 *   <li>A preflight (OPTIONS with {@code Origin} and {@code Access-Control-Request-Method}) is
 *       answered here with 204 and the allowed methods and request headers; any other OPTIONS is
 *       the Capabilities transaction ({@link CapabilitiesFilter}).
 *   <li>Every other answer to a request with an allowed {@code Origin} gets {@code
 *       Access-Control-Allow-Origin} and exposes the headers a viewer reads ({@code Warning} of
 *       QIDO-RS truncation and STOW-RS failures, {@code Location}, {@code Content-Location},
 *       {@code ETag}).
 * </ul>
 *
 * Allowed origins: {@code vetpacs.cors.allowed-origins} ({@code *} by default, which suits a LAN
 * without credentials; list the viewer's origins to restrict). No credentials are allowed, so
 * {@code *} is valid for every request.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String ORIGIN = "Origin";
  static final String REQUEST_METHOD = "Access-Control-Request-Method";
  static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
  static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
  static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
  static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
  static final String MAX_AGE = "Access-Control-Max-Age";

  static final String EXPOSED = "Warning, Location, Content-Location, ETag";
  static final String ALLOWED_HEADERS = "Accept, Content-Type, Authorization";

  @Inject ArchiveConfig config;

  /** Whether a request is a CORS preflight rather than an ordinary OPTIONS. */
  static boolean isPreflight(ContainerRequestContext request) {
    return HttpMethod.OPTIONS.equals(request.getMethod())
        && request.getHeaderString(ORIGIN) != null
        && request.getHeaderString(REQUEST_METHOD) != null;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!isPreflight(request) || !inScope(request)) {
      return;
    }
    String allowed = allowedOrigin(config.corsAllowedOrigins(), request.getHeaderString(ORIGIN));
    if (allowed == null) {
      request.abortWith(
          Problems.response(Response.Status.FORBIDDEN, "This origin may not use this server"));
      return;
    }
    Response.ResponseBuilder answer =
        Response.noContent()
            .header(ALLOW_ORIGIN, allowed)
            .header(ALLOW_METHODS, allowedMethods(config.deleteEnabled()))
            .header(ALLOW_HEADERS, ALLOWED_HEADERS)
            .header(MAX_AGE, "600");
    if (!"*".equals(allowed)) {
      answer.header("Vary", ORIGIN);
    }
    request.abortWith(answer.build());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String origin = request.getHeaderString(ORIGIN);
    if (origin == null || !inScope(request)) {
      return;
    }
    String allowed = allowedOrigin(config.corsAllowedOrigins(), origin);
    if (allowed == null) {
      return; // no CORS headers: the browser keeps the answer from the page
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle(ALLOW_ORIGIN, allowed);
    if (!isPreflight(request)) {
      headers.putSingle(EXPOSE_HEADERS, EXPOSED);
    }
    if (!"*".equals(allowed)) {
      headers.putSingle("Vary", ORIGIN);
    }
  }

  /**
   * The {@code Access-Control-Allow-Origin} value for a request from {@code origin}: {@code *}
   * when any origin is allowed, the origin itself when it is listed, else null.
   */
  static String allowedOrigin(List<String> allowedOrigins, String origin) {
    if (allowedOrigins.contains("*")) {
      return "*";
    }
    for (String allowed : allowedOrigins) {
      if (allowed.equalsIgnoreCase(origin.trim())) {
        return origin.trim();
      }
    }
    return null;
  }

  /** Methods a preflight may be told about: DELETE only when the administrator enabled it. */
  static String allowedMethods(boolean deleteEnabled) {
    return deleteEnabled ? "GET, POST, DELETE, OPTIONS" : "GET, POST, OPTIONS";
  }

  private static boolean inScope(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath().replaceAll("^/+", "");
    return path.equals(DicomWebBase.ROOT)
        || path.startsWith(DicomWebBase.ROOT + "/")
        || path.equals("wado")
        || path.startsWith("wado/");
  }
}
