package org.vetpacs.dicomweb.web;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.vetpacs.dicomweb.lifecycle.DeleteService;
import org.vetpacs.dicomweb.retrieve.ResourceScope;

/**
 * DELETE of a study, series or instance resource (PS3.18 10.4.1 resources; the method as dcm4chee
 * and the Azure DICOM service offer it, PS3.18 defines no DICOMweb delete transaction): 204 when
 * removed, 404 when unknown, 405 with an Allow header when the administrator has not enabled it.
 * The rules and the write order are {@link DeleteService}'s.
 */
@Path(DicomWebBase.ROOT)
public class DeleteEndpoint {

  private static final String STUDY = "studies/{study}";
  private static final String SERIES = STUDY + "/series/{series}";
  private static final String INSTANCE = SERIES + "/instances/{instance}";

  @Inject DeleteService deletes;

  @Context HttpServletRequest request;

  @DELETE
  @Path(STUDY)
  public Response deleteStudy(@PathParam("study") String study) {
    return delete(ResourceScope.study(study));
  }

  @DELETE
  @Path(SERIES)
  public Response deleteSeries(@PathParam("study") String study, @PathParam("series") String series) {
    return delete(ResourceScope.series(study, series));
  }

  @DELETE
  @Path(INSTANCE)
  public Response deleteInstance(
      @PathParam("study") String study,
      @PathParam("series") String series,
      @PathParam("instance") String instance) {
    return delete(ResourceScope.instance(study, series, instance));
  }

  private Response delete(ResourceScope scope) {
    deletes.delete(scope, request == null ? "unknown" : request.getRemoteAddr());
    return Response.noContent().build();
  }
}
