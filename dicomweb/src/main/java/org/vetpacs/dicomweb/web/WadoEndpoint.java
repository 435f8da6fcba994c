package org.vetpacs.dicomweb.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.retrieve.BulkDataService;
import org.vetpacs.dicomweb.retrieve.FrameGeometry;
import org.vetpacs.dicomweb.retrieve.FrameService;
import org.vetpacs.dicomweb.retrieve.MetadataService;
import org.vetpacs.dicomweb.retrieve.ResourceScope;
import org.vetpacs.dicomweb.retrieve.RetrieveService;
import org.vetpacs.dicomweb.retrieve.StoredPixelData;

/**
 * WADO-RS (PS3.18 10.4): Retrieve Instances at study, series and instance level ({@code
 * multipart/related; type="application/dicom"}, or {@code application/dicom} for one instance),
 * Retrieve Metadata ({@code application/dicom+json}, PS3.18 F.2), Bulkdata and Frames ({@code
 * multipart/related} with octet-stream or compressed image parts). Transfer syntax negotiation is
 * {@link DicomMediaTypes#selectTransferSyntax}; rendered resources are {@link RenderedEndpoint}.
 */
@Path(DicomWebBase.ROOT)
public class WadoEndpoint {

  private static final String STUDY = "studies/{study}";
  private static final String SERIES = STUDY + "/series/{series}";
  private static final String INSTANCE = SERIES + "/instances/{instance}";

  @Inject RetrieveService retrieve;
  @Inject MetadataService metadata;
  @Inject FrameService frames;
  @Inject BulkDataService bulkData;
  @Inject DicomWebBase base;

  @Context HttpHeaders headers;
  @Context UriInfo uriInfo;

  @GET
  @Path(STUDY)
  public Response retrieveStudy(@PathParam("study") String study) {
    return instances(ResourceScope.study(study));
  }

  @GET
  @Path(SERIES)
  public Response retrieveSeries(@PathParam("study") String study, @PathParam("series") String series) {
    return instances(ResourceScope.series(study, series));
  }

  @GET
  @Path(INSTANCE)
  public Response retrieveInstance(
      @PathParam("study") String study,
      @PathParam("series") String series,
      @PathParam("instance") String instance) {
    return instances(ResourceScope.instance(study, series, instance));
  }

  @GET
  @Path(STUDY + "/metadata")
  public Response studyMetadata(@PathParam("study") String study) {
    return metadata(ResourceScope.study(study));
  }

  @GET
  @Path(SERIES + "/metadata")
  public Response seriesMetadata(@PathParam("study") String study, @PathParam("series") String series) {
    return metadata(ResourceScope.series(study, series));
  }

  @GET
  @Path(INSTANCE + "/metadata")
  public Response instanceMetadata(
      @PathParam("study") String study,
      @PathParam("series") String series,
      @PathParam("instance") String instance) {
    return metadata(ResourceScope.instance(study, series, instance));
  }

  /** Frames (PS3.18 10.4.1, Table 10.4.1-1): {@code {frameList}} is 1-based, comma-separated. */
  @GET
  @Path(INSTANCE + "/frames/{frames}")
  public Response retrieveFrames(
      @PathParam("study") String study,
      @PathParam("series") String series,
      @PathParam("instance") String instance,
      @PathParam("frames") String frameList)
      throws IOException {
    InstanceRecord record = retrieve.instance(ResourceScope.instance(study, series, instance));
    StoredPixelData pixels = frames.locate(record);
    List<Integer> numbers = FrameGeometry.parseFrameList(frameList, pixels.numberOfFrames());
    var parts =
        frames.frames(
            record, pixels, numbers, RetrieveResponses.partAccept(headers.getAcceptableMediaTypes()));
    return RetrieveResponses.parts(parts, uriInfo.getRequestUri().toString());
  }

  /** Bulkdata (PS3.18 10.4.1): the BulkDataURIs of {@link MetadataService}. */
  @GET
  @Path(INSTANCE + "/bulkdata/{path: .+}")
  public Response retrieveBulkData(
      @PathParam("study") String study,
      @PathParam("series") String series,
      @PathParam("instance") String instance,
      @PathParam("path") String path)
      throws IOException {
    InstanceRecord record = retrieve.instance(ResourceScope.instance(study, series, instance));
    var parts =
        bulkData.parts(record, path, RetrieveResponses.partAccept(headers.getAcceptableMediaTypes()));
    return RetrieveResponses.parts(parts, uriInfo.getRequestUri().toString());
  }

  private Response instances(ResourceScope scope) {
    List<InstanceRecord> instances = retrieve.instances(scope);
    return RetrieveResponses.instances(
        retrieve,
        instances,
        headers.getAcceptableMediaTypes(),
        scope.instance() != null,
        base.of(uriInfo));
  }

  private Response metadata(ResourceScope scope) {
    if (!DicomMediaTypes.acceptsDicomJson(headers.getAcceptableMediaTypes())) {
      throw new DicomMediaTypes.NotAcceptableMediaException(
          "Metadata is served as application/dicom+json");
    }
    List<InstanceRecord> instances = retrieve.instancesWithMetadata(scope);
    String root = base.of(uriInfo);
    StreamingOutput body = out -> metadata.write(instances, root, out);
    return Response.ok(body).type(DicomMediaTypes.APPLICATION_DICOM_JSON).build();
  }
}
