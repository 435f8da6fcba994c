package org.vetpacs.dicomweb.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.vetpacs.dicomweb.dicom.DatasetJson;
import org.vetpacs.dicomweb.dicom.DatasetXml;
import org.vetpacs.dicomweb.dicom.DicomDataset;
import org.vetpacs.dicomweb.query.QueryResult;

/** Writes a query result in the negotiated format, with the PS3.18 Warning headers. */
final class QueryResponses {

  private QueryResponses() {}

  static Response build(QueryResult result, DicomMediaTypes.QueryFormat format) {
    Response.ResponseBuilder answer;
    if (format == DicomMediaTypes.QueryFormat.XML) {
      // PS3.18 10.6.3.3.2: one application/dicom+xml part per match
      String boundary = UUID.randomUUID().toString();
      StringBuilder body = new StringBuilder();
      for (DicomDataset d : result.datasets()) {
        body.append("--").append(boundary).append("\r\n");
        body.append("Content-Type: application/dicom+xml\r\n\r\n");
        body.append(DatasetXml.document(d)).append("\r\n");
      }
      body.append("--").append(boundary).append("--\r\n");
      answer =
          Response.ok(body.toString().getBytes(StandardCharsets.UTF_8))
              .header(
                  HttpHeaders.CONTENT_TYPE,
                  "multipart/related; type=\"application/dicom+xml\"; boundary=" + boundary);
    } else {
      answer =
          Response.ok(DatasetJson.array(result.datasets()))
              .type(DicomMediaTypes.APPLICATION_DICOM_JSON);
    }
    if (result.truncated()) {
      // PS3.18 10.6.3.2: more results match than were returned
      answer.header("Warning", "299 VetPACS \"There are additional results that can be requested\"");
    }
    for (String warning : result.warnings()) {
      answer.header("Warning", "299 VetPACS \"" + warning.replace("\"", "'") + "\"");
    }
    return answer.build();
  }
}
