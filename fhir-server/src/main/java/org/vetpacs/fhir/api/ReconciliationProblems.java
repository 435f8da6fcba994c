package org.vetpacs.fhir.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.web.Problems;
import org.vetpacs.fhir.service.ReconciliationException;

/**
 * Reconciliation refusals as RFC 9457 {@code application/problem+json}: INVALID 400, NOT_FOUND
 * 404, CONFLICT 409. They are the client's doing, so they are logged quietly (FINE).
 */
@Provider
public class ReconciliationProblems implements ExceptionMapper<ReconciliationException> {

  private static final Logger LOG = Logger.getLogger(ReconciliationProblems.class.getName());

  @Override
  public Response toResponse(ReconciliationException e) {
    Response.Status status =
        switch (e.kind()) {
          case INVALID -> Response.Status.BAD_REQUEST;
          case NOT_FOUND -> Response.Status.NOT_FOUND;
          case CONFLICT -> Response.Status.CONFLICT;
        };
    LOG.fine(() -> "Reconciliation refused (" + status.getStatusCode() + "): " + e.getMessage());
    return Problems.response(status, e.getMessage());
  }
}
