package org.vetpacs.dicomweb.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * The Capabilities transaction (PS3.18 8.9): {@code OPTIONS /dicom-web} answers the description of
 * every resource, {@code OPTIONS} on a resource the description of that resource, with an {@code
 * Allow} header. WADL ({@value CapabilitiesDocument#WADL}) is the representation the standard
 * specifies and the default; the same description as JSON is answered to a client that accepts
 * {@code application/json} but not WADL or XML.
 *
 * <p>It is a pre-matching filter because JAX-RS would otherwise answer OPTIONS itself for every
 * resource it matched (PS3.18 8.9 wants the service's own description). A CORS preflight (OPTIONS
 * with {@code Origin} and {@code Access-Control-Request-Method}, Fetch standard 3.2.2) is not a
 * Capabilities request and is left to {@link CorsFilter}.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
@ApplicationScoped
public class CapabilitiesFilter implements ContainerRequestFilter {

  private static final CapabilitiesDocument DOCUMENT = CapabilitiesDocument.ofEndpoints();

  @Inject DicomWebBase base;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!HttpMethod.OPTIONS.equals(request.getMethod()) || CorsFilter.isPreflight(request)) {
      return;
    }
    String path = request.getUriInfo().getPath().replaceAll("^/+", "");
    if (!path.equals(DicomWebBase.ROOT) && !path.startsWith(DicomWebBase.ROOT + "/")) {
      return;
    }
    CapabilitiesDocument described = DOCUMENT.forPath(path.substring(DicomWebBase.ROOT.length()));
    if (described.resources().isEmpty()) {
      request.abortWith(
          Problems.response(Response.Status.NOT_FOUND, "No DICOMweb resource at /" + path));
      return;
    }
    String root = base.of(request.getUriInfo());
    boolean json = prefersJson(request.getAcceptableMediaTypes());
    request.abortWith(
        Response.ok(json ? described.toJson(root) : described.toWadl(root))
            .type(json ? MediaType.APPLICATION_JSON : CapabilitiesDocument.WADL)
            .header(HttpHeaders.ALLOW, described.allow())
            .build());
  }

  /** JSON only for a client that accepts JSON and neither WADL nor XML (WADL is the default). */
  static boolean prefersJson(List<MediaType> acceptable) {
    boolean json = false;
    for (MediaType type : acceptable) {
      if (type.isWildcardType()) {
        return false;
      }
      String subtype = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
      if (subtype.equals("vnd.sun.wadl+xml") || subtype.endsWith("xml") || type.isWildcardSubtype()) {
        return false;
      }
      json |= subtype.equals("json");
    }
    return json;
  }
}
