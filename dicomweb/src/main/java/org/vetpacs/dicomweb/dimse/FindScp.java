package org.vetpacs.dicomweb.dimse;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TagFromName;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.dicom.DatasetJson;
import org.vetpacs.dicomweb.dicom.DicomDataset;
import org.vetpacs.dicomweb.ingest.DicomStatus;
import org.vetpacs.dicomweb.query.QueryException;
import org.vetpacs.dicomweb.query.QueryLevel;
import org.vetpacs.dicomweb.query.QueryRequest;
import org.vetpacs.dicomweb.query.QueryResult;
import org.vetpacs.dicomweb.query.QueryService;
import org.vetpacs.dicomweb.worklist.WorklistException;
import org.vetpacs.dicomweb.worklist.WorklistService;

/**
 * C-FIND as SCP: Patient Root and Study Root Query/Retrieve FIND (PS3.4 C.4.1) answered by the
 * same query engine as QIDO-RS, and Modality Worklist FIND (PS3.4 K.4.1) answered by the
 * scheduled-procedure store.
 *
 * <p>Each non-empty attribute of the identifier is a matching key, each attribute a return key
 * (PS3.4 C.2.2.1). Every match is sent in a Pending response (FF00H) whose identifier carries
 * exactly the requested keys (sequences filled from their item's keys, PS3.4 C.2.2.1.3), then a
 * final Success. Answers are encoded in UTF-8 (Specific Character Set ISO_IR 192).
 */
final class FindScp implements DimseService {

  private static final Logger LOG = Logger.getLogger(FindScp.class.getName());
  private static final int MAX_IDENTIFIER = 1 << 20;
  /** Most matches one C-FIND answers; more is refused with A700H rather than cut silently. */
  static final int MAX_MATCHES = 5_000;
  private static final AttributeTag SCHEDULED_PROCEDURE_STEP_SEQUENCE = new AttributeTag(0x0040, 0x0100);
  private static final String UTF8 = "ISO_IR 192";

  private final QueryService queries;
  private final WorklistService worklist;

  FindScp(QueryService queries, WorklistService worklist) {
    this.queries = queries;
    this.worklist = worklist;
  }

  @Override
  public boolean handles(String sopClassUid) {
    return Uids.PATIENT_ROOT_FIND.equals(sopClassUid)
        || Uids.STUDY_ROOT_FIND.equals(sopClassUid)
        || Uids.MODALITY_WORKLIST_FIND.equals(sopClassUid);
  }

  @Override
  public List<String> transferSyntaxes() {
    return Uids.UNCOMPRESSED_LITTLE_ENDIAN;
  }

  @Override
  public DimseOperation start(DimseRequest request) {
    if (request.command().commandField() != DimseCommand.C_FIND_RQ) {
      return Operations.refuse(DicomStatus.UNRECOGNIZED_OPERATION, "Use C-FIND on this SOP Class");
    }
    return new Find(request);
  }

  /** One C-FIND. */
  private final class Find implements DimseOperation {
    private final DimseRequest request;
    private final ByteArrayOutputStream identifier = new ByteArrayOutputStream(512);

    Find(DimseRequest request) {
      this.request = request;
    }

    @Override
    public OutputStream dataSet() {
      return new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          if (identifier.size() + len > MAX_IDENTIFIER) {
            throw new IOException("Identifier larger than " + MAX_IDENTIFIER + " bytes");
          }
          identifier.write(b, off, len);
        }
      };
    }

    @Override
    public void complete(DimseExchange exchange) throws IOException {
      String syntax = request.transferSyntaxUid();
      AttributeList keys;
      try {
        keys = new AttributeList();
        keys.read(new DicomInputStream(new ByteArrayInputStream(identifier.toByteArray()), syntax, false));
      } catch (DicomException | IOException e) {
        finish(exchange, DicomStatus.QUERY_IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "Unreadable identifier");
        return;
      }
      List<DicomDataset> matches;
      try {
        matches = Uids.MODALITY_WORKLIST_FIND.equals(request.command().affectedSopClassUid())
            ? worklistMatches(keys)
            : queryMatches(keys);
      } catch (QueryException | WorklistException | BadIdentifier e) {
        LOG.info(() -> "C-FIND from " + request.callingAeTitle() + " refused: " + e.getMessage());
        finish(exchange, DicomStatus.QUERY_IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, e.getMessage());
        return;
      } catch (TooManyMatches e) {
        finish(exchange, DicomStatus.QUERY_OUT_OF_RESOURCES, e.getMessage());
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "C-FIND failed", e);
        finish(exchange, DicomStatus.QUERY_UNABLE_TO_PROCESS, "The archive could not search");
        return;
      }
      LOG.fine(() -> "C-FIND from " + request.callingAeTitle() + ": " + matches.size() + " match(es)");
      for (DicomDataset match : matches) {
        byte[] answer;
        try {
          answer = encode(answer(keys, match), syntax);
        } catch (DicomException e) {
          LOG.log(Level.WARNING, "Could not encode a C-FIND match", e);
          continue;
        }
        exchange.respond(
            DimseCommand.responseTo(request.command(), DicomStatus.MATCHES_CONTINUING.code()),
            answer);
      }
      finish(exchange, DicomStatus.SUCCESS, null);
    }

    private void finish(DimseExchange exchange, DicomStatus status, String comment)
        throws IOException {
      DimseCommand response = DimseCommand.responseTo(request.command(), status.code());
      if (comment != null) {
        response.putErrorComment(comment);
      }
      exchange.respond(response);
    }
  }

  /** Q/R FIND: the identifier's keys through the query engine at its Query/Retrieve Level. */
  private List<DicomDataset> queryMatches(AttributeList keys) throws BadIdentifier, TooManyMatches {
    String levelName =
        Attribute.getSingleStringValueOrEmptyString(keys, TagFromName.QueryRetrieveLevel)
            .trim().toUpperCase(Locale.ROOT);
    QueryLevel level = switch (levelName) {
      case "PATIENT" -> QueryLevel.PATIENT;
      case "STUDY" -> QueryLevel.STUDY;
      case "SERIES" -> QueryLevel.SERIES;
      case "IMAGE" -> QueryLevel.INSTANCE;
      default -> throw new BadIdentifier("Query/Retrieve Level (0008,0052) missing or unknown: " + levelName);
    };
    Map<String, String> match = new LinkedHashMap<>();
    Set<String> returns = new LinkedHashSet<>();
    for (Attribute a : keys.values()) {
      String keyword = keyword(a.getTag());
      if (keyword == null || a.getTag().equals(TagFromName.QueryRetrieveLevel)
          || a.getTag().equals(TagFromName.SpecificCharacterSet)) {
        continue;
      }
      if (a instanceof SequenceAttribute) {
        returns.add(keyword); // sequence matching is not supported: returned only
      } else {
        match.put(keyword, value(a));
      }
    }
    QueryResult result =
        queries.search(QueryRequest.of(level, match, returns, false, 0, MAX_MATCHES + 1));
    if (result.datasets().size() > MAX_MATCHES) {
      throw new TooManyMatches("More than " + MAX_MATCHES + " matches: narrow the query");
    }
    return result.datasets();
  }

  /** Modality Worklist: top-level and Scheduled Procedure Step keys, flattened (PS3.4 K.6.1). */
  private List<DicomDataset> worklistMatches(AttributeList keys) throws TooManyMatches {
    Map<String, String> match = new LinkedHashMap<>();
    collectKeys(keys, match);
    Attribute step = keys.get(SCHEDULED_PROCEDURE_STEP_SEQUENCE);
    if (step instanceof SequenceAttribute sequence && sequence.getNumberOfItems() > 0) {
      collectKeys(sequence.getItem(0).getAttributeList(), match);
    }
    List<String> found = worklist.find(match);
    if (found.size() > MAX_MATCHES) {
      throw new TooManyMatches("More than " + MAX_MATCHES + " scheduled steps match");
    }
    return found.stream().map(DatasetJson::parse).toList();
  }

  private static void collectKeys(AttributeList keys, Map<String, String> match) {
    for (Attribute a : keys.values()) {
      String keyword = keyword(a.getTag());
      if (keyword != null && !(a instanceof SequenceAttribute)
          && !a.getTag().equals(TagFromName.SpecificCharacterSet)) {
        match.put(keyword, value(a));
      }
    }
  }

  /** The requested keys, filled from {@code match} (PS3.4 C.2.2.1.2: only what was asked). */
  static AttributeList answer(AttributeList keys, DicomDataset match) throws DicomException {
    SpecificCharacterSet utf8 = new SpecificCharacterSet(new String[] {UTF8});
    AttributeList answer = new AttributeList();
    fill(keys, match, answer, utf8);
    Attribute charset = AttributeFactory.newAttribute(TagFromName.SpecificCharacterSet);
    charset.addValue(UTF8);
    answer.put(charset);
    return answer;
  }

  private static void fill(
      AttributeList keys, DicomDataset match, AttributeList answer, SpecificCharacterSet charset)
      throws DicomException {
    for (Attribute key : keys.values()) {
      AttributeTag tag = key.getTag();
      if (tag.equals(TagFromName.SpecificCharacterSet) || tag.getElement() == 0x0000) {
        continue;
      }
      int t = (tag.getGroup() << 16) | tag.getElement();
      DicomDataset.Element element = match.get(t);
      if (key instanceof SequenceAttribute sequenceKey) {
        SequenceAttribute out = new SequenceAttribute(tag);
        AttributeList itemKeys = sequenceKey.getNumberOfItems() > 0
            ? sequenceKey.getItem(0).getAttributeList() : new AttributeList();
        if (element != null) {
          for (Object value : element.values()) {
            if (value instanceof DicomDataset item) {
              AttributeList itemAnswer = new AttributeList();
              if (itemKeys.isEmpty()) {
                // universal sequence matching: the whole item (PS3.4 C.2.2.2.6)
                fillAll(item, itemAnswer, charset);
              } else {
                fill(itemKeys, item, itemAnswer, charset);
              }
              out.addItem(new SequenceItem(itemAnswer));
            }
          }
        }
        answer.put(out);
        continue;
      }
      Attribute out = AttributeFactory.newAttribute(tag, key.getVR(), charset);
      if (tag.equals(TagFromName.QueryRetrieveLevel)) {
        out.addValue(Attribute.getSingleStringValueOrEmptyString(keys, tag));
      } else if (element != null) {
        for (Object value : element.values()) {
          if (value != null && !(value instanceof DicomDataset)) {
            out.addValue(String.valueOf(value));
          }
        }
      }
      answer.put(out);
    }
  }

  private static void fillAll(DicomDataset item, AttributeList answer, SpecificCharacterSet charset)
      throws DicomException {
    for (Map.Entry<Integer, DicomDataset.Element> e : item.elements().entrySet()) {
      AttributeTag tag = new AttributeTag(e.getKey() >>> 16, e.getKey() & 0xFFFF);
      if ("SQ".equals(e.getValue().vr())) {
        continue;
      }
      Attribute out = AttributeFactory.newAttribute(
          tag, e.getValue().vr().getBytes(java.nio.charset.StandardCharsets.US_ASCII), charset);
      for (Object value : e.getValue().values()) {
        if (value != null) {
          out.addValue(String.valueOf(value));
        }
      }
      answer.put(out);
    }
  }

  private static byte[] encode(AttributeList list, String transferSyntaxUid)
      throws IOException, DicomException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    DicomOutputStream dicom = new DicomOutputStream(out, null, transferSyntaxUid);
    list.write(dicom);
    dicom.close();
    return out.toByteArray();
  }

  private static String keyword(AttributeTag tag) {
    return AttributeList.getDictionary().getNameFromTag(tag);
  }

  /** The key's value as DICOM text; multiple values joined with a backslash (UID lists). */
  private static String value(Attribute a) {
    String values = a.getDelimitedStringValuesOrEmptyString();
    return values == null ? "" : values.trim();
  }

  /** The identifier cannot be used with this SOP Class. */
  static final class BadIdentifier extends Exception {
    private static final long serialVersionUID = 1L;

    BadIdentifier(String message) {
      super(message);
    }
  }

  /** More matches than one C-FIND answers. */
  static final class TooManyMatches extends Exception {
    private static final long serialVersionUID = 1L;

    TooManyMatches(String message) {
      super(message);
    }
  }
}
