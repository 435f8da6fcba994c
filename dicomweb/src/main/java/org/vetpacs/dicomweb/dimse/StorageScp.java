package org.vetpacs.dicomweb.dimse;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.dicom.FileMetaWriter;
import org.vetpacs.dicomweb.ingest.DicomStatus;
import org.vetpacs.dicomweb.ingest.StoreOutcome;
import org.vetpacs.dicomweb.ingest.StoreService;

/**
 * The Storage SOP Classes as SCP (PS3.4 B.2): each C-STORE data set is streamed, PDV by PDV,
 * behind a File Meta Information header into a temporary file of the blob store, then handed to
 * the archive's one ingest pipeline ({@link StoreService#storeReceivedFile}); the C-STORE-RSP
 * (PS3.7 9.3.1.2) carries the pipeline's status and is sent only after the pipeline returned, so
 * success means stored, indexed and durable.
 */
final class StorageScp implements DimseService {

  private static final Logger LOG = Logger.getLogger(StorageScp.class.getName());

  private final StoreService store;

  StorageScp(StoreService store) {
    this.store = store;
  }

  @Override
  public boolean handles(String sopClassUid) {
    return Uids.STORAGE_SOP_CLASSES.contains(sopClassUid);
  }

  @Override
  public List<String> transferSyntaxes() {
    return Uids.STORAGE_TRANSFER_SYNTAXES;
  }

  @Override
  public DimseOperation start(DimseRequest request) throws IOException {
    DimseCommand command = request.command();
    if (command.commandField() != DimseCommand.C_STORE_RQ) {
      return Operations.refuse(DicomStatus.UNRECOGNIZED_OPERATION, "Storage supports C-STORE");
    }
    if (!command.hasDataSet()) {
      return Operations.refuse(DicomStatus.CANNOT_UNDERSTAND, "C-STORE without a data set");
    }
    return new Receive(request);
  }

  /** One C-STORE: a temp file with the meta header, then the data set as it arrives. */
  private final class Receive implements DimseOperation {
    private final DimseRequest request;
    private final Path temp;
    private final GuardedStream out;
    /** SHA-256 of the file as it is written (no second read of it to hash it). */
    private final MessageDigest sha256 = StoreService.newSha256();

    Receive(DimseRequest request) throws IOException {
      this.request = request;
      this.temp = store.newTempFile();
      OutputStream file = null;
      try {
        file =
            new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024), sha256);
        DimseCommand command = request.command();
        FileMetaWriter.write(
            file,
            command.affectedSopClassUid(),
            command.affectedSopInstanceUid(),
            request.transferSyntaxUid(),
            request.callingAeTitle());
      } catch (IOException e) {
        if (file != null) {
          file.close();
        }
        Files.deleteIfExists(temp);
        throw e;
      }
      this.out = new GuardedStream(file);
    }

    @Override
    public OutputStream dataSet() {
      return out;
    }

    @Override
    public void complete(DimseExchange exchange) throws IOException {
      DimseCommand command = request.command();
      out.closeQuietly();
      StoreOutcome outcome;
      if (out.failure != null) {
        Files.deleteIfExists(temp);
        outcome = writeFailure(out.failure);
      } else {
        // consumes the temp file: linked into the blob store or removed
        outcome =
            store.storeReceivedFile(
                temp,
                HexFormat.of().formatHex(sha256.digest()),
                "DIMSE:" + request.callingAeTitle());
      }
      DimseCommand response = DimseCommand.responseTo(command, outcome.status().code());
      response.putUid(DimseCommand.AFFECTED_SOP_INSTANCE_UID, command.affectedSopInstanceUid());
      if (outcome.status().kind() != DicomStatus.Kind.SUCCESS) {
        response.putErrorComment(outcome.message());
        LOG.warning(
            () ->
                "C-STORE of "
                    + command.affectedSopInstanceUid()
                    + " from "
                    + request.callingAeTitle()
                    + ": "
                    + outcome.status().hex()
                    + " "
                    + outcome.message());
      } else {
        LOG.fine(() -> "C-STORE of " + command.affectedSopInstanceUid() + " stored");
      }
      exchange.respond(response);
    }

    @Override
    public void abandon() {
      out.closeQuietly();
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "Could not remove " + temp, e);
      }
    }

    private StoreOutcome writeFailure(IOException failure) {
      String message = String.valueOf(failure.getMessage());
      boolean full = message.contains("No space left") || message.contains("Disk quota");
      DicomStatus status = full ? DicomStatus.OUT_OF_RESOURCES : DicomStatus.PROCESSING_FAILURE;
      LOG.log(Level.SEVERE, "Could not write a received data set to " + temp, failure);
      DimseCommand command = request.command();
      return new StoreOutcome(
          status,
          command.affectedSopClassUid(),
          command.affectedSopInstanceUid(),
          "",
          "",
          full ? "Not enough free disk space" : "The archive could not store it");
    }
  }

  /** Remembers the first write failure so that the response can report it. */
  private static final class GuardedStream extends FilterOutputStream {
    IOException failure;
    private boolean closed;

    GuardedStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (failure != null) {
        return;
      }
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    void closeQuietly() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        }
      }
    }
  }
}
