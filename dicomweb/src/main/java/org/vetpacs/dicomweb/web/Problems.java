package org.vetpacs.dicomweb.web;

import jakarta.ws.rs.core.Response;
import org.vetpacs.dicomweb.dicom.DicomJsonWriter;

/** Error bodies as RFC 9457 {@code application/problem+json}. */
public final class Problems {

  public static final String PROBLEM_JSON = "application/problem+json";

  private Problems() {}

  /** A problem response with the given status and a detail a client can act on. */
  public static Response response(Response.StatusType status, String detail) {
    StringBuilder body = new StringBuilder(128);
    body.append("{\"type\":\"about:blank\",\"title\":");
    DicomJsonWriter.appendString(status.getReasonPhrase(), body);
    body.append(",\"status\":").append(status.getStatusCode()).append(",\"detail\":");
    DicomJsonWriter.appendString(detail, body);
    body.append('}');
    return Response.status(status).type(PROBLEM_JSON).entity(body.toString()).build();
  }
}
