package org.vetpacs.dicomweb.dimse;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.network.Association;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.PDataPDU;
import com.pixelmed.network.PresentationDataValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receives one DIMSE request from P-DATA-TF PDUs (PS3.8 9.3.5, PS3.7 6.3.1): the command PDVs are
 * collected (a command set is small), then the data set PDVs are streamed one by one into the
 * operation the command started, so a data set is never held whole in memory. It reports done
 * when the last fragment of the data set (or of a command without one) has arrived.
 *
 * <p>Extends PixelMed's {@link CompositeResponseHandler} only because it is the public subclass
 * of {@code ReceivedDataHandler} (whose constructor is package-private); all its behaviour is
 * replaced here.
 */
final class RequestReader extends CompositeResponseHandler {

  private static final Logger LOG = Logger.getLogger(RequestReader.class.getName());

  /** Starts an operation for a request whose command set has arrived. */
  interface Dispatcher {
    DimseOperation start(DimseRequest request) throws IOException;
  }

  private final Dispatcher dispatcher;
  private final ByteArrayOutputStream commandBytes = new ByteArrayOutputStream(256);
  private DimseRequest request;
  private DimseOperation operation;
  private boolean dataSetBroken;

  RequestReader(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  DimseRequest request() {
    return request;
  }

  DimseOperation operation() {
    return operation;
  }

  @Override
  public void sendPDataIndication(PDataPDU pdata, Association association)
      throws DicomNetworkException, IOException {
    for (Object o : pdata.getPDVList()) {
      PresentationDataValue pdv = (PresentationDataValue) o;
      if (pdv.isCommand()) {
        command(pdv, association);
      } else {
        data(pdv);
      }
    }
  }

  private void command(PresentationDataValue pdv, Association association)
      throws DicomNetworkException, IOException {
    if (request != null) {
      throw new DicomNetworkException("A command fragment arrived before the data set ended");
    }
    commandBytes.writeBytes(pdv.getValue());
    if (!pdv.isLastFragment()) {
      return;
    }
    DimseCommand command;
    try {
      command = DimseCommand.parse(commandBytes.toByteArray());
    } catch (IllegalArgumentException e) {
      throw new DicomNetworkException("Unreadable command set: " + e.getMessage());
    }
    byte pcid = pdv.getPresentationContextID();
    request =
        new DimseRequest(
            command,
            pcid,
            association.getTransferSyntaxForPresentationContextID(pcid),
            association.getCallingAETitle());
    operation = dispatcher.start(request);
    if (!command.hasDataSet()) {
      setDone(true);
    }
  }

  private void data(PresentationDataValue pdv) throws DicomNetworkException {
    if (request == null || !request.command().hasDataSet()) {
      throw new DicomNetworkException("A data set fragment arrived without a command announcing it");
    }
    if (pdv.getPresentationContextID() != request.presentationContextId()) {
      // PS3.7 6.3.1: command and data set of one message use the same presentation context
      throw new DicomNetworkException("Data set fragment on another presentation context");
    }
    if (!dataSetBroken) {
      try {
        operation.dataSet().write(pdv.getValue());
      } catch (IOException e) {
        // e.g. disk full: keep reading (and discarding) the data set so that we can still answer
        // with a failure status instead of aborting the association
        dataSetBroken = true;
        LOG.log(Level.WARNING, "Could not keep the data set of " + request.command(), e);
      }
    }
    if (pdv.isLastFragment()) {
      setDone(true);
    }
  }

  @Override
  protected void evaluateStatusAndSetSuccess(AttributeList list) {
    // not used: this reader receives requests, not responses
  }
}
