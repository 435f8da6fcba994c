package org.vetpacs.dicomweb.dimse;

import java.io.IOException;
import java.io.OutputStream;
import org.vetpacs.dicomweb.ingest.DicomStatus;

/** Small operations shared by the services. */
final class Operations {

  private Operations() {}

  /** Answers a request with a failure status, discarding any data set. */
  static DimseOperation refuse(DicomStatus status, String comment) {
    return new DimseOperation() {
      @Override
      public OutputStream dataSet() {
        return OutputStream.nullOutputStream();
      }

      @Override
      public void complete(DimseExchange exchange) throws IOException {
        DimseCommand request = exchange.request().command();
        DimseCommand response = DimseCommand.responseTo(request, status.code());
        String instance = request.affectedSopInstanceUid();
        if (!instance.isEmpty()) {
          response.putUid(DimseCommand.AFFECTED_SOP_INSTANCE_UID, instance);
        }
        exchange.respond(response.putErrorComment(comment));
      }
    };
  }
}
