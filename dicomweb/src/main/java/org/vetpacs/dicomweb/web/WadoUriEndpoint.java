package org.vetpacs.dicomweb.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.render.RenderService;
import org.vetpacs.dicomweb.retrieve.RetrieveService;

/**
 * WADO-URI (PS3.18 9, the legacy {@code /wado} path): one object as application/dicom (in the
 * asked transfer syntax if possible, else Explicit VR Little Endian, PS3.18 8.2.11) or rendered as
 * image/jpeg, image/png or image/gif. Parameters are checked by {@link WadoUriRequest}.
 */
@Path("wado")
public class WadoUriEndpoint {

  @Inject RetrieveService retrieve;
  @Inject RenderService render;

  @Context UriInfo uriInfo;

  @GET
  public Response get() throws IOException {
    WadoUriRequest request = WadoUriRequest.parse(uriInfo.getQueryParameters());
    InstanceRecord instance = retrieve.instance(request.scope());
    boolean image = instance.getMetadata() != null && instance.getMetadata().contains("\"00280010\"");
    String type = request.contentTypeFor(image);
    if (!type.equals(DicomMediaTypes.APPLICATION_DICOM)) {
      byte[] encoded = render.render(instance, request.frameNumber(), request.render(), type);
      return Response.ok(encoded).type(type).build();
    }
    String syntax =
        DicomMediaTypes.selectTransferSyntax(
            request.transferSyntax() == null
                ? List.of(DicomMediaTypes.DEFAULT_TRANSFER_SYNTAX)
                : List.of(request.transferSyntax(), DicomMediaTypes.DEFAULT_TRANSFER_SYNTAX),
            instance.getTransferSyntaxUid());
    String selected = syntax == null ? instance.getTransferSyntaxUid() : syntax;
    StreamingOutput body = out -> retrieve.write(instance, selected, out);
    return Response.ok(body)
        .header(
            HttpHeaders.CONTENT_TYPE,
            DicomMediaTypes.APPLICATION_DICOM + "; transfer-syntax=" + selected)
        .header("Content-Disposition", "attachment; filename=\"" + instance.getSopInstanceUid() + ".dcm\"")
        .build();
  }
}
