package org.vetpacs.dicomweb.dimse;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.network.Association;
import com.pixelmed.network.AReleaseException;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.PDataPDU;
import com.pixelmed.network.PresentationDataValue;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.dicom.DicomParseException;
import org.vetpacs.dicomweb.dicom.FileMeta;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.storage.BlobStore;

/**
 * A C-STORE SCU on an open association (PS3.7 9.3.1), used for the sub-operations of C-MOVE (on
 * an association to the move destination) and C-GET (on the requestor's own association, where
 * it proposed the storage contexts with the SCP role, PS3.4 C.4.3.1).
 *
 * <p>The stored file is sent as stored: its data set bytes, after the File Meta Information,
 * stream from the blob store into data PDVs on a presentation context accepted for its SOP Class
 * and its stored transfer syntax. There is no transcoding: an instance whose transfer syntax the
 * peer did not accept is a failed sub-operation.
 */
final class InstanceSender {

  private static final Logger LOG = Logger.getLogger(InstanceSender.class.getName());

  /** The outcome of one sub-operation. */
  enum Result {
    COMPLETED,
    WARNING,
    FAILED
  }

  private final BlobStore blobs;
  private int nextMessageId = 1;
  private boolean cancelRequested;

  InstanceSender(BlobStore blobs) {
    this.blobs = blobs;
  }

  /** Whether a C-CANCEL-RQ arrived while waiting for a C-STORE-RSP (C-GET only). */
  boolean cancelRequested() {
    return cancelRequested;
  }

  /**
   * Sends one stored instance and waits for the peer's C-STORE-RSP.
   *
   * @param moveOriginatorAeTitle for C-MOVE, the AE that asked for the move (PS3.7 9.3.1.1), else
   *     null
   * @param moveOriginatorMessageId for C-MOVE, the Message ID of its C-MOVE-RQ
   * @throws IOException when the association itself broke (no further sub-operation is possible)
   */
  Result send(
      Association association,
      InstanceRecord instance,
      String moveOriginatorAeTitle,
      int moveOriginatorMessageId)
      throws IOException {
    try (InputStream in = new BufferedInputStream(blobs.open(instance.getBlobKey()), 64 * 1024)) {
      FileMeta meta;
      try {
        meta = FileMeta.read(in);
      } catch (DicomParseException e) {
        LOG.warning(() -> "Stored blob of " + instance.getSopInstanceUid() + " unreadable: " + e.getMessage());
        return Result.FAILED;
      }
      String sopClass =
          meta.sopClassUid().isEmpty() ? instance.getSopClassUid() : meta.sopClassUid();
      byte pcid;
      try {
        pcid = association.getSuitablePresentationContextID(sopClass, meta.transferSyntaxUid());
      } catch (DicomNetworkException e) {
        LOG.info(
            () ->
                "Peer accepted no context for "
                    + sopClass
                    + " in "
                    + meta.transferSyntaxUid()
                    + ": "
                    + instance.getSopInstanceUid()
                    + " not sent");
        return Result.FAILED;
      }
      DimseCommand request = new DimseCommand();
      request.putUid(DimseCommand.AFFECTED_SOP_CLASS_UID, sopClass);
      request.putUs(DimseCommand.COMMAND_FIELD, DimseCommand.C_STORE_RQ);
      int messageId = nextMessageId++ & 0xFFFF;
      request.putUs(DimseCommand.MESSAGE_ID, messageId);
      request.putUs(DimseCommand.PRIORITY, 0);
      request.withDataSet();
      request.putUid(DimseCommand.AFFECTED_SOP_INSTANCE_UID, instance.getSopInstanceUid());
      if (moveOriginatorAeTitle != null) {
        request.putString(DimseCommand.MOVE_ORIGINATOR_AE_TITLE, moveOriginatorAeTitle);
        request.putUs(DimseCommand.MOVE_ORIGINATOR_MESSAGE_ID, moveOriginatorMessageId);
      }
      ResponseReader responses = new ResponseReader();
      try {
        association.setReceivedDataHandler(responses);
        association.send(pcid, request.encode(), null);
        OutputStream data = association.getAssociationOutputStream(pcid);
        in.transferTo(data);
        data.close(); // sends the last fragment
        association.waitForPDataPDUsUntilHandlerReportsDone();
      } catch (DicomNetworkException | AReleaseException e) {
        throw new IOException("C-STORE sub-operation broke the association: " + e.getMessage(), e);
      }
      cancelRequested |= responses.cancel;
      int status = responses.response.us(DimseCommand.STATUS, 0xFFFF);
      if (status == 0x0000) {
        return Result.COMPLETED;
      }
      // PS3.4 B.2.3: warnings are 0001H and B000H-BFFFH; anything else is a failure
      if (status == 0x0001 || (status & 0xF000) == 0xB000) {
        return Result.WARNING;
      }
      LOG.info(
          () ->
              String.format(
                  "Peer refused %s with status %04XH", instance.getSopInstanceUid(), status));
      return Result.FAILED;
    }
  }

  /**
   * Waits for the C-STORE-RSP; a C-CANCEL-RQ (PS3.7 9.3.3.2.3) arriving meanwhile is noted.
   * Extends {@link CompositeResponseHandler} only to be a {@code ReceivedDataHandler}.
   */
  private static final class ResponseReader extends CompositeResponseHandler {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    DimseCommand response;
    boolean cancel;

    @Override
    public void sendPDataIndication(PDataPDU pdata, Association association)
        throws DicomNetworkException {
      for (Object o : pdata.getPDVList()) {
        PresentationDataValue pdv = (PresentationDataValue) o;
        if (!pdv.isCommand()) {
          throw new DicomNetworkException("Unexpected data set while waiting for a C-STORE-RSP");
        }
        bytes.writeBytes(pdv.getValue());
        if (pdv.isLastFragment()) {
          DimseCommand command;
          try {
            command = DimseCommand.parse(bytes.toByteArray());
          } catch (IllegalArgumentException e) {
            throw new DicomNetworkException("Unreadable response: " + e.getMessage());
          }
          bytes.reset();
          if (command.commandField() == DimseCommand.C_CANCEL_RQ) {
            cancel = true;
          } else if (command.commandField() == DimseCommand.C_STORE_RSP) {
            response = command;
            setDone(true);
          } else {
            throw new DicomNetworkException(
                String.format("Unexpected command %04XH instead of a C-STORE-RSP",
                    command.commandField()));
          }
        }
      }
    }

    @Override
    protected void evaluateStatusAndSetSuccess(AttributeList list) {
      // not used
    }
  }
}
