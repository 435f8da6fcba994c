package org.vetpacs.dicomweb.dimse;

import com.pixelmed.network.Association;
import com.pixelmed.network.DicomNetworkException;
import java.io.IOException;

/** Answers one request on the presentation context it arrived on (PS3.7 9.1). */
final class DimseExchange {

  private final Association association;
  private final DimseRequest request;

  DimseExchange(Association association, DimseRequest request) {
    this.association = association;
    this.request = request;
  }

  DimseRequest request() {
    return request;
  }

  /** The association the request came on (C-GET sends its C-STORE sub-operations on it). */
  Association association() {
    return association;
  }

  String calledAeTitle() {
    return association.getCalledAETitle();
  }

  /** Sends a response without a data set. */
  void respond(DimseCommand response) throws IOException {
    send(response.encode(), null);
  }

  /** Sends a response followed by its data set, encoded in the context's transfer syntax. */
  void respond(DimseCommand response, byte[] dataSet) throws IOException {
    send(response.withDataSet().encode(), dataSet);
  }

  private void send(byte[] command, byte[] dataSet) throws IOException {
    try {
      association.send(request.presentationContextId(), command, dataSet);
    } catch (DicomNetworkException e) {
      throw new IOException("Could not send a response: " + e.getMessage(), e);
    }
  }
}
