package org.vetpacs.dicomweb.dimse;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.PresentationContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.config.KnownAe;
import org.vetpacs.dicomweb.dicom.DicomParseException;
import org.vetpacs.dicomweb.dicom.FileMeta;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.index.IndexRepository.InstanceKeyField;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.ingest.DicomStatus;
import org.vetpacs.dicomweb.storage.BlobStore;

/**
 * The Query/Retrieve MOVE and GET SOP Classes as SCP, Study Root and Patient Root (PS3.4 C.4.2,
 * C.4.3), with unique-key retrieval only (PS3.4 C.4.2.2.1): the identifier's Query/Retrieve Level
 * and the lists of Patient ID / Study / Series / SOP Instance UIDs at and above it select stored
 * instances from the index, and each is sent by a C-STORE sub-operation ({@link InstanceSender}).
 *
 * <p>C-MOVE opens an association to the Move Destination, looked up among the known AEs
 * ({@code vetpacs.dicom.known-aes}); an unknown destination is refused with A801H. C-GET sends
 * on the requestor's own association. A Pending response with the sub-operation counts follows
 * each sub-operation (PS3.7 9.3.3.2, 9.3.4.2); the final response is Success (0000H), Warning
 * B000H with the Failed SOP Instance UID List (0008,0058) when some sub-operations failed, or
 * A702H when all failed.
 */
final class RetrieveScp implements DimseService {

  private static final Logger LOG = Logger.getLogger(RetrieveScp.class.getName());

  /** Identifiers are small; anything larger is not a retrieve identifier. */
  private static final int MAX_IDENTIFIER = 1 << 20;

  /** Presentation context IDs are odd numbers 1-255 (PS3.8 9.3.2.2): at most 128 contexts. */
  private static final int MAX_CONTEXTS = 128;

  /** Failed SOP Instance UID List (0008,0058), absent from this PixelMed's TagFromName. */
  private static final AttributeTag FAILED_SOP_INSTANCE_UID_LIST = new AttributeTag(0x0008, 0x0058);

  private final DimseSettings settings;
  private final IndexRepository index;
  private final BlobStore blobs;

  RetrieveScp(DimseSettings settings, IndexRepository index, BlobStore blobs) {
    this.settings = settings;
    this.index = index;
    this.blobs = blobs;
  }

  @Override
  public boolean handles(String sopClassUid) {
    return isMove(sopClassUid) || isGet(sopClassUid);
  }

  @Override
  public List<String> transferSyntaxes() {
    return Uids.UNCOMPRESSED_LITTLE_ENDIAN;
  }

  private static boolean isMove(String sopClass) {
    return Uids.STUDY_ROOT_MOVE.equals(sopClass) || Uids.PATIENT_ROOT_MOVE.equals(sopClass);
  }

  private static boolean isGet(String sopClass) {
    return Uids.STUDY_ROOT_GET.equals(sopClass) || Uids.PATIENT_ROOT_GET.equals(sopClass);
  }

  @Override
  public DimseOperation start(DimseRequest request) {
    DimseCommand command = request.command();
    String sopClass = command.affectedSopClassUid();
    boolean move = command.commandField() == DimseCommand.C_MOVE_RQ && isMove(sopClass);
    boolean get = command.commandField() == DimseCommand.C_GET_RQ && isGet(sopClass);
    if (!move && !get) {
      return Operations.refuse(
          DicomStatus.UNRECOGNIZED_OPERATION, "Use C-MOVE or C-GET on this SOP Class");
    }
    return new Retrieve(request, move);
  }

  /** One C-MOVE or C-GET. */
  private final class Retrieve implements DimseOperation {
    private final DimseRequest request;
    private final boolean move;
    private final BoundedBuffer identifier = new BoundedBuffer();

    Retrieve(DimseRequest request, boolean move) {
      this.request = request;
      this.move = move;
    }

    @Override
    public OutputStream dataSet() {
      return identifier;
    }

    @Override
    public void complete(DimseExchange exchange) throws IOException {
      DimseCommand command = request.command();
      String what = move ? "C-MOVE" : "C-GET";
      KnownAe destination = null;
      if (move) {
        String title = command.string(DimseCommand.MOVE_DESTINATION);
        Optional<KnownAe> known = settings.destination(title);
        if (known.isEmpty() || title.equals(settings.aeTitle())) {
          LOG.warning(
              () -> "C-MOVE from " + request.callingAeTitle() + " to unknown destination '" + title
                  + "' refused (A801H)");
          finish(exchange, DicomStatus.MOVE_DESTINATION_UNKNOWN, "Unknown destination " + title);
          return;
        }
        destination = known.get();
      }
      List<InstanceRecord> instances;
      try {
        if (identifier.overflow) {
          throw new BadIdentifier("Identifier too large");
        }
        instances = select(parse(identifier.toByteArray(), request.transferSyntaxUid()));
      } catch (BadIdentifier e) {
        LOG.info(() -> what + " from " + request.callingAeTitle() + " refused: " + e.getMessage());
        finish(exchange, DicomStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, e.getMessage());
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, what + " lookup failed", e);
        finish(exchange, DicomStatus.UNABLE_TO_PROCESS, "The archive could not look it up");
        return;
      }
      Counts counts = new Counts(instances.size());
      LOG.info(
          () -> what + " from " + request.callingAeTitle() + ": " + instances.size()
              + " instance(s)");
      InstanceSender sender = new InstanceSender(blobs);
      if (instances.isEmpty()) {
        finalResponse(exchange, counts);
        return;
      }
      if (move) {
        moveTo(destination, instances, sender, counts, exchange);
      } else {
        for (InstanceRecord instance : instances) {
          if (sender.cancelRequested()) {
            break;
          }
          counts.add(instance, sender.send(exchange.association(), instance, null, 0));
          pending(exchange, counts);
        }
        if (sender.cancelRequested()) {
          cancelled(exchange, counts);
          return;
        }
      }
      finalResponse(exchange, counts);
    }

    private void moveTo(
        KnownAe destination,
        List<InstanceRecord> instances,
        InstanceSender sender,
        Counts counts,
        DimseExchange exchange)
        throws IOException {
      Association store;
      try {
        store =
            AssociationFactory.createNewAssociation(
                destination.host(),
                destination.port(),
                destination.aeTitle(),
                settings.aeTitle(),
                proposals(instances),
                null,
                false);
      } catch (DicomNetworkException | IOException e) {
        LOG.warning(
            () -> "C-MOVE destination " + destination.aeTitle() + " at " + destination.host() + ":"
                + destination.port() + " not reachable: " + e.getMessage());
        for (InstanceRecord instance : instances) {
          counts.add(instance, InstanceSender.Result.FAILED);
        }
        return;
      }
      try {
        for (InstanceRecord instance : instances) {
          counts.add(
              instance,
              sender.send(store, instance, request.callingAeTitle(), request.command().messageId()));
          pending(exchange, counts);
        }
        store.release();
      } catch (IOException | DicomNetworkException e) {
        LOG.warning(() -> "C-MOVE to " + destination.aeTitle() + " broke off: " + e.getMessage());
        try {
          store.abort();
        } catch (DicomNetworkException ignored) {
          // gone
        }
      } finally {
        counts.failRemaining(instances);
      }
    }

    /** One presentation context per stored (SOP Class, transfer syntax): sent as stored. */
    private LinkedList<PresentationContext> proposals(List<InstanceRecord> instances)
        throws IOException {
      Map<String, String[]> pairs = new LinkedHashMap<>();
      for (InstanceRecord instance : instances) {
        String ts = instance.getTransferSyntaxUid();
        if (ts == null || ts.isEmpty()) {
          ts = storedTransferSyntax(instance);
        }
        pairs.putIfAbsent(instance.getSopClassUid() + "|" + ts,
            new String[] {instance.getSopClassUid(), ts});
      }
      LinkedList<PresentationContext> contexts = new LinkedList<>();
      int id = 1;
      for (String[] pair : pairs.values()) {
        if (contexts.size() == MAX_CONTEXTS) {
          break; // the instances beyond fail: no context for them
        }
        contexts.add(new PresentationContext((byte) id, pair[0], pair[1]));
        id += 2;
      }
      return contexts;
    }

    private String storedTransferSyntax(InstanceRecord instance) throws IOException {
      try (var in = new java.io.BufferedInputStream(blobs.open(instance.getBlobKey()))) {
        return FileMeta.read(in).transferSyntaxUid();
      } catch (DicomParseException e) {
        return Uids.EXPLICIT_VR_LITTLE_ENDIAN;
      }
    }

    private void pending(DimseExchange exchange, Counts counts) throws IOException {
      if (counts.remaining == 0) {
        return; // the final response follows
      }
      DimseCommand response =
          DimseCommand.responseTo(request.command(), DicomStatus.PENDING_SUB_OPERATIONS.code());
      counts.putInto(response, true);
      exchange.respond(response);
    }

    private void finalResponse(DimseExchange exchange, Counts counts) throws IOException {
      DicomStatus status;
      if (counts.failed == 0 && counts.warning == 0) {
        status = DicomStatus.SUCCESS;
      } else if (counts.completed == 0 && counts.warning == 0) {
        status = DicomStatus.UNABLE_TO_PERFORM_SUB_OPERATIONS;
      } else {
        status = DicomStatus.SUB_OPERATIONS_COMPLETE_WITH_FAILURES;
      }
      DimseCommand response = DimseCommand.responseTo(request.command(), status.code());
      counts.putInto(response, false);
      LOG.info(
          () -> String.format("%s for %s: %s, %d completed, %d warning, %d failed",
              move ? "C-MOVE" : "C-GET", request.callingAeTitle(), status.hex(), counts.completed,
              counts.warning, counts.failed));
      if (counts.failedUids.isEmpty()) {
        exchange.respond(response);
      } else {
        exchange.respond(response, failedList(counts.failedUids));
      }
    }

    private void cancelled(DimseExchange exchange, Counts counts) throws IOException {
      DimseCommand response =
          DimseCommand.responseTo(request.command(), DicomStatus.CANCEL.code());
      counts.putInto(response, true);
      exchange.respond(response);
    }

    private void finish(DimseExchange exchange, DicomStatus status, String comment)
        throws IOException {
      exchange.respond(
          DimseCommand.responseTo(request.command(), status.code()).putErrorComment(comment));
    }

    /** The Failed SOP Instance UID List identifier (PS3.4 C.4.2.1.3.2), in the context's syntax. */
    private byte[] failedList(List<String> uids) throws IOException {
      try {
        AttributeList list = new AttributeList();
        Attribute failed = new UniqueIdentifierAttribute(FAILED_SOP_INSTANCE_UID_LIST);
        for (String uid : uids) {
          failed.addValue(uid);
        }
        list.put(failed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomOutputStream dicom = new DicomOutputStream(out, null, request.transferSyntaxUid());
        list.write(dicom);
        dicom.close();
        return out.toByteArray();
      } catch (DicomException e) {
        throw new IOException("Could not encode the Failed SOP Instance UID List", e);
      }
    }
  }

  /** Unique keys of a retrieve identifier. */
  record Keys(String level, List<String> patientIds, List<String> studyUids,
      List<String> seriesUids, List<String> sopInstanceUids) {}

  /** The identifier does not fit the SOP Class (PS3.4 C.4.2.1.5: A900H). */
  static final class BadIdentifier extends Exception {
    private static final long serialVersionUID = 1L;

    BadIdentifier(String message) {
      super(message);
    }
  }

  static Keys parse(byte[] identifier, String transferSyntaxUid) throws BadIdentifier {
    AttributeList list = new AttributeList();
    try (DicomInputStream in =
        new DicomInputStream(new ByteArrayInputStream(identifier), transferSyntaxUid, false)) {
      list.read(in);
    } catch (IOException | DicomException e) {
      throw new BadIdentifier("Unreadable identifier");
    }
    return new Keys(
        Attribute.getSingleStringValueOrEmptyString(list, TagFromName.QueryRetrieveLevel).strip(),
        values(list, TagFromName.PatientID),
        values(list, TagFromName.StudyInstanceUID),
        values(list, TagFromName.SeriesInstanceUID),
        values(list, TagFromName.SOPInstanceUID));
  }

  private static List<String> values(AttributeList list, AttributeTag tag) {
    Attribute attribute = list.get(tag);
    if (attribute == null) {
      return List.of();
    }
    Set<String> values = new LinkedHashSet<>();
    try {
      for (String v : attribute.getStringValues()) {
        if (v != null && !v.isBlank()) {
          values.add(v.strip());
        }
      }
    } catch (DicomException e) {
      return List.of();
    }
    return List.copyOf(values);
  }

  /**
   * The stored instances the keys select. The unique key of the level is required (a list of
   * UIDs, PS3.4 C.2.2.2.2); keys above it, when given, must also match.
   */
  List<InstanceRecord> select(Keys keys) throws BadIdentifier {
    List<InstanceRecord> found;
    switch (keys.level()) {
      case "PATIENT" -> {
        require(keys.patientIds(), "PatientID");
        List<String> studies = new ArrayList<>();
        for (String patientId : keys.patientIds()) {
          studies.addAll(index.studyUidsOfPatient(patientId));
        }
        found = studies.isEmpty()
            ? List.of()
            : index.storedInstancesWhere(InstanceKeyField.STUDY_INSTANCE_UID, studies);
      }
      case "STUDY" -> {
        require(keys.studyUids(), "StudyInstanceUID");
        found = index.storedInstancesWhere(InstanceKeyField.STUDY_INSTANCE_UID, keys.studyUids());
      }
      case "SERIES" -> {
        require(keys.seriesUids(), "SeriesInstanceUID");
        found = index.storedInstancesWhere(InstanceKeyField.SERIES_INSTANCE_UID, keys.seriesUids());
      }
      case "IMAGE" -> {
        require(keys.sopInstanceUids(), "SOPInstanceUID");
        found = index.storedInstancesWhere(InstanceKeyField.SOP_INSTANCE_UID, keys.sopInstanceUids());
      }
      default -> throw new BadIdentifier(
          "QueryRetrieveLevel must be PATIENT, STUDY, SERIES or IMAGE, not '" + keys.level() + "'");
    }
    List<InstanceRecord> selected = new ArrayList<>();
    for (InstanceRecord instance : found) {
      if (!"STUDY".equals(keys.level()) && !"PATIENT".equals(keys.level())
          && !keys.studyUids().isEmpty()
          && !keys.studyUids().contains(instance.getStudyInstanceUid())) {
        continue;
      }
      if ("IMAGE".equals(keys.level()) && !keys.seriesUids().isEmpty()
          && !keys.seriesUids().contains(instance.getSeriesInstanceUid())) {
        continue;
      }
      selected.add(instance);
    }
    return selected;
  }

  private static void require(List<String> values, String keyword) throws BadIdentifier {
    if (values.isEmpty()) {
      throw new BadIdentifier("The identifier has no " + keyword + " (unique key of the level)");
    }
  }

  /** Sub-operation counts (PS3.7 9.3.3.2, 9.3.4.2) and the UIDs of failed ones. */
  private static final class Counts {
    int remaining;
    int completed;
    int failed;
    int warning;
    final List<String> failedUids = new ArrayList<>();
    private final Set<String> done = new LinkedHashSet<>();

    Counts(int total) {
      this.remaining = total;
    }

    void add(InstanceRecord instance, InstanceSender.Result result) {
      if (!done.add(instance.getSopInstanceUid())) {
        return;
      }
      remaining--;
      switch (result) {
        case COMPLETED -> completed++;
        case WARNING -> warning++;
        case FAILED -> {
          failed++;
          failedUids.add(instance.getSopInstanceUid());
        }
      }
    }

    void failRemaining(List<InstanceRecord> instances) {
      for (InstanceRecord instance : instances) {
        add(instance, InstanceSender.Result.FAILED);
      }
    }

    void putInto(DimseCommand response, boolean withRemaining) {
      if (withRemaining) {
        response.putUs(DimseCommand.REMAINING, remaining);
      }
      response.putUs(DimseCommand.COMPLETED, completed);
      response.putUs(DimseCommand.FAILED, failed);
      response.putUs(DimseCommand.WARNING, warning);
    }
  }

  /** Keeps an identifier in memory, up to {@link #MAX_IDENTIFIER} bytes. */
  private static final class BoundedBuffer extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    boolean overflow;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (overflow || bytes.size() + len > MAX_IDENTIFIER) {
        overflow = true;
        throw new IOException("Identifier larger than " + MAX_IDENTIFIER + " bytes");
      }
      bytes.write(b, off, len);
    }

    byte[] toByteArray() {
      return bytes.toByteArray();
    }
  }
}
