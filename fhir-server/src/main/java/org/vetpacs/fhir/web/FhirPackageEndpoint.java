package org.vetpacs.fhir.web;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.vetpacs.fhir.service.FhirPackage;
import org.vetpacs.model.fhir.ConformanceResources;

/**
 * The published FHIR conformance resources besides {@code /fhir/metadata}: {@code GET
 * /api/conformance/fhir/package.tgz} (our profiles, extensions' use, search parameters and
 * terminology as a FHIR NPM package) and {@code GET /api/conformance/fhir/profiles/{id}} (a
 * readable page per profile, Markdown).
 */
@Path("api/conformance/fhir")
@ApplicationScoped
public class FhirPackageEndpoint {

  @Inject FhirContext ctx;
  @Inject ConformanceResources resources;

  private volatile byte[] tgz;

  private FhirPackage pkg() {
    return new FhirPackage(ctx, resources);
  }

  @GET
  @Path("package.tgz")
  @Produces("application/gzip")
  public Response packageTgz() {
    byte[] bytes = tgz;
    if (bytes == null) {
      bytes = pkg().tgz();
      tgz = bytes;
    }
    return Response.ok(bytes)
        .header("Content-Disposition", "attachment; filename=\"" + FhirPackage.NAME + "-"
            + FhirPackage.VERSION + ".tgz\"")
        .build();
  }

  @GET
  @Path("profiles/{id}")
  @Produces("text/markdown; charset=UTF-8")
  public String profile(@PathParam("id") String id) {
    String page = pkg().profilePage(id);
    if (page == null) {
      throw new NotFoundException("No profile " + id);
    }
    return page;
  }
}
