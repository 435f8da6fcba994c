package org.vetpacs.dicomweb.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.render.RenderParameters;
import org.vetpacs.dicomweb.render.RenderService;
import org.vetpacs.dicomweb.retrieve.ResourceScope;
import org.vetpacs.dicomweb.retrieve.RetrieveException;
import org.vetpacs.dicomweb.retrieve.RetrieveService;

/**
 * WADO-RS rendered and thumbnail resources (PS3.18 10.4.1, Table 10.4.1-1): {@code .../rendered}
 * and {@code .../thumbnail} of an instance or one of its frames, and the thumbnail of a series or
 * study (a representative image). Query parameters of PS3.18 8.3.5.1: {@code window}, {@code
 * viewport}, {@code quality}, {@code accept}; media types of 8.7.4: image/jpeg (default),
 * image/png, image/gif. A multi-frame instance rendered as a whole gives its first frame.
 */
@Path(DicomWebBase.ROOT)
public class RenderedEndpoint {

  private static final String SERIES = "studies/{study}/series/{series}";
  private static final String INSTANCE = SERIES + "/instances/{instance}";

  @Inject RetrieveService retrieve;
  @Inject RenderService render;

  @Context HttpHeaders headers;
  @QueryParam("window") String window;
  @QueryParam("viewport") String viewport;
  @QueryParam("quality") String quality;
  @QueryParam("accept") String accept;

  @GET
  @Path(INSTANCE + "/rendered")
  public Response renderedInstance(
      @PathParam("study") String study,
      @PathParam("series") String series,
      @PathParam("instance") String instance)
      throws IOException {
    return image(ResourceScope.instance(study, series, instance), 0, false);
  }

  @GET
  @Path(INSTANCE + "/frames/{frame}/rendered")
  public Response renderedFrame(
      @PathParam("study") String study,
      @PathParam("series") String series,
      @PathParam("instance") String instance,
      @PathParam("frame") String frame)
      throws IOException {
    return image(ResourceScope.instance(study, series, instance), frameNumber(frame), false);
  }

  @GET
  @Path(INSTANCE + "/thumbnail")
  public Response instanceThumbnail(
      @PathParam("study") String study,
      @PathParam("series") String series,
      @PathParam("instance") String instance)
      throws IOException {
    return image(ResourceScope.instance(study, series, instance), 0, true);
  }

  @GET
  @Path(INSTANCE + "/frames/{frame}/thumbnail")
  public Response frameThumbnail(
      @PathParam("study") String study,
      @PathParam("series") String series,
      @PathParam("instance") String instance,
      @PathParam("frame") String frame)
      throws IOException {
    return image(ResourceScope.instance(study, series, instance), frameNumber(frame), true);
  }

  @GET
  @Path(SERIES + "/thumbnail")
  public Response seriesThumbnail(@PathParam("study") String study, @PathParam("series") String series)
      throws IOException {
    return image(ResourceScope.series(study, series), 0, true);
  }

  @GET
  @Path("studies/{study}/thumbnail")
  public Response studyThumbnail(@PathParam("study") String study) throws IOException {
    return image(ResourceScope.study(study), 0, true);
  }

  private Response image(ResourceScope scope, int frame, boolean thumbnail) throws IOException {
    String mediaType = DicomMediaTypes.renderedType(headers.getAcceptableMediaTypes(), accept);
    // Thumbnails take only viewport (PS3.18 Table 8.3.5-1); other rendering parameters are ignored.
    RenderParameters params =
        thumbnail
            ? RenderParameters.parse(null, viewport, null, true)
            : RenderParameters.parse(window, viewport, quality, false);
    InstanceRecord instance =
        scope.instance() != null
            ? retrieve.instance(scope)
            : RenderService.representative(retrieve.instancesWithMetadata(scope));
    byte[] encoded = render.render(instance, frame, params, mediaType);
    return Response.ok(encoded).type(mediaType).build();
  }

  private static int frameNumber(String value) {
    if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < 1) {
      throw new RetrieveException(
          RetrieveException.Reason.BAD_REQUEST, "Not a frame number (1-based): " + value);
    }
    return Integer.parseInt(value);
  }
}
