package org.vetpacs.dicomweb.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.storage.BlobStore;
import org.vetpacs.dicomweb.storage.InstanceKey;

/**
 * WADO-RS, Retrieve Study (PS3.18 10.4): {@code GET /dicom-web/studies/{study}} as {@code
 * multipart/related; type="application/dicom"}, each part the stored Part 10 file byte for byte
 * (transfer syntax {@code *}: as stored). A request for another transfer syntax gets 406 until
 * transcoding exists.
 */
@Path(DicomWebBase.ROOT)
public class WadoEndpoint {

  @Inject IndexRepository index;
  @Inject BlobStore blobs;

  @GET
  @Path("studies/{study}")
  public Response retrieveStudy(@PathParam("study") String study, @Context HttpHeaders headers) {
    String syntax = DicomMediaTypes.requestedTransferSyntax(headers.getAcceptableMediaTypes());
    if (!InstanceKey.isValidUid(study)) {
      return Problems.response(Response.Status.BAD_REQUEST, "Not a valid Study Instance UID");
    }
    List<InstanceRecord> instances = index.storedInstancesOfStudy(study);
    if (instances.isEmpty()) {
      throw new NotFoundException("No study " + study + " in this archive");
    }
    for (InstanceRecord instance : instances) {
      if (syntax != null && !syntax.equals(instance.getTransferSyntaxUid())) {
        throw new DicomMediaTypes.NotAcceptableMediaException(
            "Instance "
                + instance.getSopInstanceUid()
                + " is stored as "
                + instance.getTransferSyntaxUid()
                + "; transcoding to "
                + syntax
                + " is not supported yet (ask for transfer-syntax=*)");
      }
    }
    String boundary = UUID.randomUUID().toString();
    StreamingOutput body = out -> writeParts(instances, boundary, out);
    return Response.ok(body)
        .header(
            HttpHeaders.CONTENT_TYPE,
            "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
        .build();
  }

  private void writeParts(List<InstanceRecord> instances, String boundary, OutputStream out)
      throws java.io.IOException {
    byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
    for (InstanceRecord instance : instances) {
      String partHeader =
          "--"
              + boundary
              + "\r\nContent-Type: application/dicom; transfer-syntax="
              + instance.getTransferSyntaxUid()
              + "\r\nContent-Length: "
              + instance.getSizeBytes()
              + "\r\nContent-Location: studies/"
              + instance.getStudyInstanceUid()
              + "/series/"
              + instance.getSeriesInstanceUid()
              + "/instances/"
              + instance.getSopInstanceUid()
              + "\r\n\r\n";
      out.write(partHeader.getBytes(StandardCharsets.US_ASCII));
      try (InputStream in = blobs.open(instance.getBlobKey())) {
        in.transferTo(out);
      }
      out.write(crlf);
    }
    out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
  }
}
