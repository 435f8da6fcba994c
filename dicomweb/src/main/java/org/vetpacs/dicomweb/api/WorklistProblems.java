package org.vetpacs.dicomweb.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.web.Problems;
import org.vetpacs.dicomweb.worklist.WorklistException;

/**
 * The worklist's refusals as RFC 9457 {@code application/problem+json}, one status per kind:
 * INVALID 400, NOT_FOUND 404, CONFLICT 409. They are the client's doing, so they are logged quietly
 * (FINE).
 */
@Provider
public class WorklistProblems implements ExceptionMapper<WorklistException> {

  private static final Logger LOG = Logger.getLogger(WorklistProblems.class.getName());

  @Override
  public Response toResponse(WorklistException e) {
    Response.Status status =
        switch (e.kind()) {
          case INVALID -> Response.Status.BAD_REQUEST;
          case NOT_FOUND -> Response.Status.NOT_FOUND;
          case CONFLICT -> Response.Status.CONFLICT;
        };
    LOG.fine(() -> "Worklist request refused (" + status.getStatusCode() + "): " + e.getMessage());
    return Problems.response(status, e.getMessage());
  }
}
