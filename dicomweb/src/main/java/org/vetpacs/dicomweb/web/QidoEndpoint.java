package org.vetpacs.dicomweb.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.vetpacs.dicomweb.query.QueryLevel;
import org.vetpacs.dicomweb.query.QueryRequest;
import org.vetpacs.dicomweb.query.QueryResult;
import org.vetpacs.dicomweb.query.QueryService;
import org.vetpacs.dicomweb.storage.InstanceKey;

/**
 * QIDO-RS (PS3.18 10.6): search for studies, series and instances, at every resource of Table
 * 10.6.1-1. Answers {@code application/dicom+json} (default) or {@code multipart/related;
 * type="application/dicom+xml"}.
 */
@Path(DicomWebBase.ROOT)
public class QidoEndpoint {

  @Inject QueryService queries;
  @Inject DicomWebBase base;

  @GET
  @Path("studies")
  public Response studies(@Context UriInfo uri, @Context HttpHeaders headers) {
    return search(QueryLevel.STUDY, null, null, uri, headers);
  }

  @GET
  @Path("series")
  public Response allSeries(@Context UriInfo uri, @Context HttpHeaders headers) {
    return search(QueryLevel.SERIES, null, null, uri, headers);
  }

  @GET
  @Path("studies/{study}/series")
  public Response seriesOfStudy(
      @PathParam("study") String study, @Context UriInfo uri, @Context HttpHeaders headers) {
    return search(QueryLevel.SERIES, uid(study), null, uri, headers);
  }

  @GET
  @Path("instances")
  public Response allInstances(@Context UriInfo uri, @Context HttpHeaders headers) {
    return search(QueryLevel.INSTANCE, null, null, uri, headers);
  }

  @GET
  @Path("studies/{study}/instances")
  public Response instancesOfStudy(
      @PathParam("study") String study, @Context UriInfo uri, @Context HttpHeaders headers) {
    return search(QueryLevel.INSTANCE, uid(study), null, uri, headers);
  }

  @GET
  @Path("studies/{study}/series/{series}/instances")
  public Response instancesOfSeries(
      @PathParam("study") String study,
      @PathParam("series") String series,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    return search(QueryLevel.INSTANCE, uid(study), uid(series), uri, headers);
  }

  private Response search(
      QueryLevel level, String study, String series, UriInfo uri, HttpHeaders headers) {
    DicomMediaTypes.QueryFormat format =
        DicomMediaTypes.queryFormat(headers.getAcceptableMediaTypes());
    QueryRequest request =
        QueryRequest.fromQido(level, uri.getQueryParameters(), study, series, base.of(uri));
    QueryResult result = queries.search(request);
    return QueryResponses.build(result, format);
  }

  private static String uid(String value) {
    if (!InstanceKey.isValidUid(value)) {
      throw new org.vetpacs.dicomweb.query.QueryException("Not a valid UID in the path: " + value);
    }
    return value;
  }
}
