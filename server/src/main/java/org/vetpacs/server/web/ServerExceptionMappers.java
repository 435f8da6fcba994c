package org.vetpacs.server.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.web.Problems;

/**
 * The last line of error mapping: 4xx keep their status and reason and are logged quietly; any
 * other failure is logged with its stack under an incident id and answered with a generic 500 body
 * that carries only that id. Never a stack trace to a client.
 */
public final class ServerExceptionMappers {

  private static final Logger LOG = Logger.getLogger(ServerExceptionMappers.class.getName());

  private ServerExceptionMappers() {}

  /** JAX-RS's own errors (404, 405, 415, ...) as problem+json. */
  @Provider
  public static class WebApplication implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response.StatusType status = e.getResponse().getStatusInfo();
      if (status.getStatusCode() >= 500) {
        return Unexpected.answer(e);
      }
      LOG.fine(() -> status.getStatusCode() + ": " + e.getMessage());
      return Problems.response(status, e.getMessage() == null ? status.getReasonPhrase() : e.getMessage());
    }
  }

  /** Anything else: 500 with an incident id. */
  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      return answer(e);
    }

    static Response answer(Throwable e) {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
      return Problems.response(
          Response.Status.INTERNAL_SERVER_ERROR,
          "The server could not complete the request (incident " + incident + ")");
    }
  }
}
