package org.vetpacs.dicomweb.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.vetpacs.dicomweb.query.StudyQuery;
import org.vetpacs.dicomweb.query.StudyQueryService;

/** QIDO-RS, Search for studies (PS3.18 10.6): {@code GET /dicom-web/studies?...}. */
@Path(DicomWebBase.ROOT)
public class QidoEndpoint {

  @Inject StudyQueryService queries;
  @Inject DicomWebBase base;

  @GET
  @Path("studies")
  @Produces({DicomMediaTypes.APPLICATION_DICOM_JSON, MediaType.APPLICATION_JSON})
  public Response searchStudies(@Context UriInfo uriInfo, @Context HttpHeaders headers) {
    if (!DicomMediaTypes.acceptsDicomJson(headers.getAcceptableMediaTypes())) {
      throw new DicomMediaTypes.NotAcceptableMediaException(
          "QIDO-RS results are served as application/dicom+json");
    }
    StudyQuery query = StudyQuery.parse(uriInfo.getQueryParameters());
    StudyQueryService.Page page = queries.find(query);
    Response.ResponseBuilder answer =
        Response.ok(StudyJson.array(page.studies(), base.of(uriInfo)))
            .type(DicomMediaTypes.APPLICATION_DICOM_JSON);
    if (page.truncated()) {
      // PS3.18 10.6.3.2: tell the client there are more results than returned
      answer.header(
          "Warning", "299 VetPACS \"There are additional results that can be requested\"");
    }
    return answer.build();
  }
}
