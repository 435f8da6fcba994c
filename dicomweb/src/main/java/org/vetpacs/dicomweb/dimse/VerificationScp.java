package org.vetpacs.dicomweb.dimse;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.vetpacs.dicomweb.ingest.DicomStatus;

/** The Verification SOP Class as SCP: C-ECHO answered with Success (PS3.4 A.4, PS3.7 9.3.5). */
final class VerificationScp implements DimseService {

  @Override
  public boolean handles(String sopClassUid) {
    return Uids.VERIFICATION.equals(sopClassUid);
  }

  @Override
  public List<String> transferSyntaxes() {
    return Uids.UNCOMPRESSED_LITTLE_ENDIAN;
  }

  @Override
  public DimseOperation start(DimseRequest request) {
    if (request.command().commandField() != DimseCommand.C_ECHO_RQ) {
      return Operations.refuse(DicomStatus.UNRECOGNIZED_OPERATION, "Verification supports C-ECHO");
    }
    return new DimseOperation() {
      @Override
      public OutputStream dataSet() {
        return OutputStream.nullOutputStream();
      }

      @Override
      public void complete(DimseExchange exchange) throws IOException {
        exchange.respond(
            DimseCommand.responseTo(exchange.request().command(), DicomStatus.SUCCESS.code()));
      }
    };
  }
}
