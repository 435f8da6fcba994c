package org.vetpacs.dicomweb.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.retrieve.BinaryPart;
import org.vetpacs.dicomweb.retrieve.MetadataService;
import org.vetpacs.dicomweb.retrieve.RetrieveException;
import org.vetpacs.dicomweb.retrieve.RetrieveService;

/**
 * Builds the WADO-RS answers (PS3.18 10.4.3) shared by every retrieve path, always through one
 * {@link MultipartRelatedWriter}: instances, and bulk data or frames parts. Everything that can
 * fail with a 4xx is decided before the first byte is sent.
 */
final class RetrieveResponses {

  private RetrieveResponses() {}

  /**
   * Instances as {@code multipart/related; type="application/dicom"}, or a single {@code
   * application/dicom} body when that is what was accepted, each in its Selected Transfer Syntax.
   */
  static Response instances(
      RetrieveService service,
      List<InstanceRecord> instances,
      List<MediaType> acceptable,
      boolean singlePartAllowed,
      String dicomWebRoot) {
    DicomMediaTypes.InstanceAccept accept =
        DicomMediaTypes.instanceAccept(acceptable, singlePartAllowed);
    List<String> syntaxes = new ArrayList<>();
    for (InstanceRecord instance : instances) {
      String syntax =
          DicomMediaTypes.selectTransferSyntax(
              accept.transferSyntaxes(), instance.getTransferSyntaxUid());
      if (syntax == null) {
        throw new RetrieveException(
            RetrieveException.Reason.NOT_ACCEPTABLE,
            "Instance "
                + instance.getSopInstanceUid()
                + " is stored as "
                + instance.getTransferSyntaxUid()
                + " and cannot be sent as "
                + String.join(" or ", accept.transferSyntaxes())
                + "; this archive sends instances as stored (transfer-syntax=*) or transcodes"
                + " native, deflated, JPEG baseline, JPEG lossless and RLE instances to"
                + " Explicit VR Little Endian (1.2.840.10008.1.2.1)");
      }
      syntaxes.add(syntax);
    }
    if (!accept.multipart()) {
      InstanceRecord instance = instances.get(0);
      String syntax = syntaxes.get(0);
      long length = asStoredLength(instance, syntax);
      StreamingOutput body =
          out -> {
            if (length < 0) {
              service.write(instance, syntax, out);
            } else {
              ExactLengthOutputStream exact = new ExactLengthOutputStream(out, length);
              service.write(instance, syntax, exact);
              exact.checkComplete();
            }
          };
      Response.ResponseBuilder response =
          Response.ok(body)
              .header(
                  HttpHeaders.CONTENT_TYPE,
                  DicomMediaTypes.APPLICATION_DICOM + "; transfer-syntax=" + syntax);
      if (length >= 0) {
        response.header(HttpHeaders.CONTENT_LENGTH, length);
      }
      return response.build();
    }
    String boundary = MultipartRelatedWriter.newBoundary();
    List<String> types = new ArrayList<>(instances.size());
    List<String> locations = new ArrayList<>(instances.size());
    long[] lengths = new long[instances.size()];
    // The whole body's length when every part is sent as stored (its size is in the index): a
    // Content-Length instead of chunked transfer coding (RFC 9112 6.1-6.3), as a client reads
    // a body of known length faster than chunks, and can show progress.
    long total = MultipartRelatedWriter.finishLength(boundary);
    for (int i = 0; i < instances.size(); i++) {
      InstanceRecord instance = instances.get(i);
      types.add(DicomMediaTypes.APPLICATION_DICOM + "; transfer-syntax=" + syntaxes.get(i));
      locations.add(MetadataService.instanceUrl(dicomWebRoot, instance));
      lengths[i] = asStoredLength(instance, syntaxes.get(i));
      total =
          lengths[i] < 0 || total < 0
              ? -1
              : total
                  + MultipartRelatedWriter.partLength(
                      boundary, types.get(i), locations.get(i), lengths[i]);
    }
    StreamingOutput body =
        out -> {
          MultipartRelatedWriter writer = new MultipartRelatedWriter(out, boundary);
          byte[] buffer = RetrieveService.copyBuffer();
          for (int i = 0; i < instances.size(); i++) {
            InstanceRecord instance = instances.get(i);
            String syntax = syntaxes.get(i);
            writer.part(
                types.get(i),
                locations.get(i),
                lengths[i],
                part -> service.write(instance, syntax, part, buffer));
          }
          writer.finish();
        };
    Response.ResponseBuilder response =
        Response.ok(body)
            .header(
                HttpHeaders.CONTENT_TYPE,
                MultipartRelatedWriter.contentType(DicomMediaTypes.APPLICATION_DICOM, boundary));
    if (total >= 0) {
      response.header(HttpHeaders.CONTENT_LENGTH, total);
    }
    return response.build();
  }

  /** The stored size when the instance goes as stored and the index knows its size, else -1. */
  private static long asStoredLength(InstanceRecord instance, String syntax) {
    return syntax.equals(instance.getTransferSyntaxUid()) && instance.getSizeBytes() > 0
        ? instance.getSizeBytes()
        : -1;
  }

  /** Bulk data or frames as multipart/related, each part with its own type (PS3.18 8.7.3.3.2). */
  static Response parts(List<BinaryPart> parts, String location) {
    String boundary = MultipartRelatedWriter.newBoundary();
    String root = parts.isEmpty() ? DicomMediaTypes.APPLICATION_OCTET_STREAM : parts.get(0).mediaType();
    StreamingOutput body =
        out -> {
          MultipartRelatedWriter writer = new MultipartRelatedWriter(out, boundary);
          for (BinaryPart part : parts) {
            writer.part(part.contentType(), location, part.length(), part.writer()::writeTo);
          }
          writer.finish();
        };
    return Response.ok(body)
        .header(HttpHeaders.CONTENT_TYPE, MultipartRelatedWriter.contentType(root, boundary))
        .build();
  }

  /** The Accept test for bulk data and frame parts. */
  static BiPredicate<String, String> partAccept(List<MediaType> acceptable) {
    return (type, syntax) -> DicomMediaTypes.acceptsPart(acceptable, type, syntax);
  }
}
