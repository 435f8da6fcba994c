package org.vetpacs.dicomweb.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.config.ArchiveConfig;
import org.vetpacs.dicomweb.dicom.DicomDataset;
import org.vetpacs.dicomweb.dicom.DicomFileInspector;
import org.vetpacs.dicomweb.dicom.DicomParseException;
import org.vetpacs.dicomweb.dicom.HeaderRewriter;
import org.vetpacs.dicomweb.dicom.InstanceHeader;
import org.vetpacs.dicomweb.storage.BlobStore;

/**
 * Step 3 of the ingest pipeline: asks the {@link HeaderCoercion} (if one is deployed) which values
 * the header must carry and, when some differ, writes a coerced copy of the received file to a new
 * temporary file (Original Attributes Sequence keeps what was replaced, PS3.3 C.12.1). The received
 * file is left as it is; the caller stores the copy instead and discards both.
 */
@ApplicationScoped
public class CoercionStep {

  private static final Logger LOG = Logger.getLogger(CoercionStep.class.getName());

  private Instance<HeaderCoercion> coercions;
  private BlobStore blobStore;
  private ArchiveConfig config;

  protected CoercionStep() {}

  @Inject
  public CoercionStep(
      Instance<HeaderCoercion> coercions, BlobStore blobStore, ArchiveConfig config) {
    this.coercions = coercions;
    this.blobStore = blobStore;
    this.config = config;
  }

  /**
   * A coerced copy of a received file.
   *
   * @param file the new temporary file (the caller discards it)
   * @param header its header
   * @param changedTags the tags whose values were replaced or added
   */
  public record Coerced(Path file, InstanceHeader header, List<Integer> changedTags) {}

  /** Coerces {@code received} if the workflow asks for it; empty when nothing changes. */
  public Optional<Coerced> apply(Path received, InstanceHeader header, String source) {
    if (coercions == null || !coercions.isResolvable()) {
      return Optional.empty();
    }
    Optional<DicomDataset> desired;
    try {
      desired = coercions.get().coerce(header, source);
    } catch (RuntimeException e) {
      // the workflow must never fail a store: keep the instance as received
      LOG.log(Level.WARNING, "Header coercion failed; the instance is stored as received", e);
      return Optional.empty();
    }
    if (desired.isEmpty() || desired.get().elements().isEmpty()) {
      return Optional.empty();
    }
    Path copy = null;
    try {
      copy = blobStore.newTempFile();
      HeaderRewriter.Result result =
          HeaderRewriter.rewrite(
              received, copy, desired.get(), modifyingSystem(), HeaderRewriter.COERCE);
      if (!result.changed()) {
        blobStore.discard(copy);
        return Optional.empty();
      }
      return Optional.of(
          new Coerced(copy, DicomFileInspector.inspect(copy), result.changedTags()));
    } catch (IOException | DicomParseException | RuntimeException e) {
      if (copy != null) {
        blobStore.discard(copy);
      }
      LOG.log(Level.WARNING, "Could not coerce a header; the instance is stored as received", e);
      return Optional.empty();
    }
  }

  private String modifyingSystem() {
    String ae = config == null ? null : config.aeTitle();
    return ae == null || ae.isBlank() ? "VETPACS" : ae;
  }

  /** A coercion's tags as PS3.5 writes them, for the store response message. */
  static String describe(List<Integer> tags) {
    StringBuilder out = new StringBuilder();
    for (int tag : tags) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF));
    }
    return out.toString();
  }
}
