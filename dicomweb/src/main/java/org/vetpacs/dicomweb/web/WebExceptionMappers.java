package org.vetpacs.dicomweb.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.query.QueryException;

/** The DICOMweb family's errors, answered with a reason and logged quietly (they are 4xx). */
public final class WebExceptionMappers {

  private static final Logger LOG = Logger.getLogger(WebExceptionMappers.class.getName());

  private WebExceptionMappers() {}

  /** A malformed multipart body: 400. */
  @Provider
  public static class MalformedMultipart implements ExceptionMapper<MalformedMultipartException> {
    @Override
    public Response toResponse(MalformedMultipartException e) {
      LOG.fine(() -> "Malformed multipart request: " + e.getMessage());
      return Problems.response(Response.Status.BAD_REQUEST, e.getMessage());
    }
  }

  /** An unknown query key or malformed query value: 400 (PS3.18 8.3.4). */
  @Provider
  public static class BadQuery implements ExceptionMapper<QueryException> {
    @Override
    public Response toResponse(QueryException e) {
      LOG.fine(() -> "Rejected query: " + e.getMessage());
      return Problems.response(Response.Status.BAD_REQUEST, e.getMessage());
    }
  }

  /** A retrieve that cannot be answered: its reason decides the status (PS3.18 10.4.3). */
  @Provider
  public static class Retrieve
      implements ExceptionMapper<org.vetpacs.dicomweb.retrieve.RetrieveException> {
    @Override
    public Response toResponse(org.vetpacs.dicomweb.retrieve.RetrieveException e) {
      LOG.fine(() -> "Retrieve refused (" + e.reason() + "): " + e.getMessage());
      Response.Status status =
          switch (e.reason()) {
            case BAD_REQUEST -> Response.Status.BAD_REQUEST;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case NOT_ACCEPTABLE -> Response.Status.NOT_ACCEPTABLE;
          };
      return Problems.response(status, e.getMessage());
    }
  }

  /** Nothing acceptable to the client: 406. */
  @Provider
  public static class NotAcceptable
      implements ExceptionMapper<DicomMediaTypes.NotAcceptableMediaException> {
    @Override
    public Response toResponse(DicomMediaTypes.NotAcceptableMediaException e) {
      return Problems.response(Response.Status.NOT_ACCEPTABLE, e.getMessage());
    }
  }

  /**
   * A DELETE that cannot be carried out: 405 with the resource's Allow header (RFC 9110 15.5.6)
   * when deleting is disabled, 404 for an unknown resource.
   */
  @Provider
  public static class Lifecycle
      implements ExceptionMapper<org.vetpacs.dicomweb.lifecycle.LifecycleException> {
    @Override
    public Response toResponse(org.vetpacs.dicomweb.lifecycle.LifecycleException e) {
      LOG.fine(() -> "Lifecycle request refused (" + e.reason() + "): " + e.getMessage());
      Response problem = Problems.response(status(e.reason()), e.getMessage());
      if (e.allow() == null) {
        return problem;
      }
      return Response.fromResponse(problem).header(HttpHeaders.ALLOW, e.allow()).build();
    }

    /** The one place a lifecycle failure becomes an HTTP status. */
    public static Response.Status status(
        org.vetpacs.dicomweb.lifecycle.LifecycleException.Reason reason) {
      return switch (reason) {
        case DISABLED -> Response.Status.METHOD_NOT_ALLOWED;
        case NOT_FOUND -> Response.Status.NOT_FOUND;
      };
    }
  }
}
