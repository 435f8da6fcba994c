package org.vetpacs.dicomweb.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.vetpacs.dicomweb.ingest.DicomStatus;
import org.vetpacs.dicomweb.ingest.StoreOutcome;
import org.vetpacs.dicomweb.ingest.StoreService;

/**
 * STOW-RS, Store Instances (PS3.18 10.5): {@code POST /dicom-web/studies[/{study}]} with a
 * {@code multipart/related; type="application/dicom"} body, one DICOM Part 10 instance per part.
 * Each part is streamed into the ingest pipeline as it arrives.
 */
@Path(DicomWebBase.ROOT)
public class StowEndpoint {

  @Inject StoreService storeService;
  @Inject DicomWebBase base;

  @POST
  @Path("studies")
  @Consumes(MediaType.WILDCARD)
  public Response store(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body,
      @Context UriInfo uriInfo,
      @Context HttpHeaders headers)
      throws IOException {
    return storeAll(contentType, body, null, uriInfo, headers);
  }

  @POST
  @Path("studies/{study}")
  @Consumes(MediaType.WILDCARD)
  public Response storeInStudy(
      @PathParam("study") String study,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body,
      @Context UriInfo uriInfo,
      @Context HttpHeaders headers)
      throws IOException {
    return storeAll(contentType, body, study, uriInfo, headers);
  }

  private Response storeAll(
      String contentType, InputStream body, String study, UriInfo uriInfo, HttpHeaders headers)
      throws IOException {
    // Negotiate before reading the body: a client that accepts no answer gets 406 up front.
    DicomMediaTypes.QueryFormat format = storeResponseFormat(headers);
    MediaType type = parse(contentType);
    if (!DicomMediaTypes.isMultipartDicom(type)) {
      return Problems.response(
          Response.Status.UNSUPPORTED_MEDIA_TYPE,
          "STOW-RS takes multipart/related; type=\"application/dicom\" (PS3.18 10.5.1.1), not "
              + contentType);
    }
    String boundary = type.getParameters().get("boundary");
    if (boundary == null || boundary.isBlank()) {
      throw new MalformedMultipartException("The multipart/related Content-Type has no boundary");
    }
    StoreResponseBuilder response = new StoreResponseBuilder(base.of(uriInfo));
    MultipartRelatedReader reader =
        new MultipartRelatedReader(body, DicomMediaTypes.unquote(boundary));
    String bodyProblem = null;
    try {
      while (reader.nextPart()) {
        response.add(storePart(reader, study));
      }
    } catch (MalformedMultipartException e) {
      if (response.outcomes().isEmpty()) {
        throw e;
      }
      // Parts already stored stay stored; say why the rest of the body was not read.
      bodyProblem = "299 VetPACS \"" + e.getMessage().replace("\"", "'") + "\"";
    }
    if (response.outcomes().isEmpty()) {
      throw new MalformedMultipartException("The multipart/related body holds no part");
    }
    Response.ResponseBuilder answer =
        format == DicomMediaTypes.QueryFormat.XML
            ? Response.status(response.httpStatus())
                .type("application/dicom+xml")
                .entity(response.toXml())
            : Response.status(response.httpStatus())
                .type(DicomMediaTypes.APPLICATION_DICOM_JSON)
                .entity(response.toJson());
    response.warnings().forEach(w -> answer.header("Warning", w));
    if (bodyProblem != null) {
      answer.header("Warning", bodyProblem);
    }
    return answer.build();
  }

  private StoreOutcome storePart(MultipartRelatedReader reader, String study) {
    String partType = reader.headers().getOrDefault("content-type", "application/dicom");
    String lower = partType.toLowerCase(Locale.ROOT);
    if (!lower.startsWith(DicomMediaTypes.APPLICATION_DICOM) || lower.startsWith("application/dicom+")) {
      return new StoreOutcome(
          DicomStatus.CANNOT_UNDERSTAND, "", "", "", "",
          "part Content-Type " + partType + " is not application/dicom");
    }
    return storeService.store(reader.body(), study, "STOW-RS");
  }

  /** PS3.18 10.5.3: the response is application/dicom+json or application/dicom+xml. */
  private static DicomMediaTypes.QueryFormat storeResponseFormat(HttpHeaders headers) {
    List<MediaType> acceptable = headers.getAcceptableMediaTypes();
    if (DicomMediaTypes.acceptsDicomJson(acceptable)) {
      return DicomMediaTypes.QueryFormat.JSON;
    }
    for (MediaType t : acceptable) {
      if ("application".equalsIgnoreCase(t.getType())
          && ("dicom+xml".equalsIgnoreCase(t.getSubtype()) || "xml".equalsIgnoreCase(t.getSubtype()))) {
        return DicomMediaTypes.QueryFormat.XML;
      }
    }
    throw new DicomMediaTypes.NotAcceptableMediaException(
        "The store response is application/dicom+json or application/dicom+xml");
  }

  private static MediaType parse(String contentType) {
    if (contentType == null) {
      return null;
    }
    try {
      return MediaType.valueOf(contentType);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
