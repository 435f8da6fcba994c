package org.vetpacs.dicomweb.retrieve;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.storage.BlobStore;

/**
 * WADO-RS Retrieve Instances (PS3.18 10.4): which stored instances a study, series or instance
 * resource names, and each one's bytes in the negotiated transfer syntax: as stored (byte for
 * byte) or Explicit VR Little Endian through the {@link Transcoder}.
 */
@ApplicationScoped
public class RetrieveService {

  /** Series, then Instance Number (numerically), then SOP Instance UID: a stable order. */
  private static final Comparator<InstanceRecord> ORDER =
      Comparator.comparing(InstanceRecord::getSeriesInstanceUid)
          .thenComparingLong(r -> instanceNumber(r.getInstanceNumber()))
          .thenComparing(InstanceRecord::getSopInstanceUid);

  private static final int COPY_BUFFER_BYTES = 256 * 1024;

  @Inject IndexRepository index;
  @Inject BlobStore blobs;

  protected RetrieveService() {}

  public RetrieveService(IndexRepository index, BlobStore blobs) {
    this.index = index;
    this.blobs = blobs;
  }

  /**
   * The stored instances of the resource, in a stable order, with what Retrieve Instances reads
   * (not their DICOM JSON).
   *
   * @throws RetrieveException NOT_FOUND if there are none
   */
  public List<InstanceRecord> instances(ResourceScope scope) {
    return instances(scope, false);
  }

  /**
   * As {@link #instances(ResourceScope)}, with each instance's DICOM JSON, for Retrieve Metadata.
   *
   * @throws RetrieveException NOT_FOUND if there are none
   */
  public List<InstanceRecord> instancesWithMetadata(ResourceScope scope) {
    return instances(scope, true);
  }

  private List<InstanceRecord> instances(ResourceScope scope, boolean withMetadata) {
    List<InstanceRecord> found =
        scope.instance() != null
            ? List.of(instance(scope))
            : index.storedInstancesForRetrieve(scope.study(), scope.series(), withMetadata);
    if (found.isEmpty()) {
      throw RetrieveException.notFound("No " + scope.describe() + " in this archive");
    }
    return found.stream().sorted(ORDER).toList();
  }

  /**
   * The one stored instance an instance resource names; its study and series must match the URL.
   *
   * @throws RetrieveException NOT_FOUND if it is not stored under that study and series
   */
  public InstanceRecord instance(ResourceScope scope) {
    if (scope.instance() == null) {
      throw new IllegalArgumentException("Not an instance resource: " + scope);
    }
    return index
        .findInstance(scope.instance())
        .filter(r -> InstanceRecord.STORED.equals(r.getStatus()))
        .filter(r -> scope.study().equals(r.getStudyInstanceUid()))
        .filter(r -> scope.series().equals(r.getSeriesInstanceUid()))
        .orElseThrow(() -> RetrieveException.notFound("No " + scope.describe() + " in this archive"));
  }

  /**
   * Writes one instance in {@code target}, the Selected Transfer Syntax (PS3.18 8.7.8.2): the
   * stored bytes when it is the stored syntax, else transcoded.
   */
  public void write(InstanceRecord instance, String target, OutputStream out) throws IOException {
    write(instance, target, out, copyBuffer());
  }

  /**
   * As {@link #write(InstanceRecord, String, OutputStream)}, copying stored bytes through {@code
   * buffer} (from {@link #copyBuffer()}), which the parts of one response share: a new 256 KiB
   * buffer per instance was 56 MB of garbage per CT study and kept G1's concurrent marking busy
   * (issue #8).
   */
  public void write(InstanceRecord instance, String target, OutputStream out, byte[] buffer)
      throws IOException {
    if (target.equals(instance.getTransferSyntaxUid())) {
      try (InputStream in = blobs.open(instance.getBlobKey())) {
        // 256 KiB writes instead of transferTo's 8 KiB: the container's output buffer passes
        // large writes on to the socket instead of copying and flushing 8 KiB at a time.
        int n;
        while ((n = in.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
        }
      }
    } else {
      Transcoder.toExplicitVrLittleEndian(
          blobs, instance.getBlobKey(), instance.getTransferSyntaxUid(), out);
    }
  }

  /** A buffer for {@link #write(InstanceRecord, String, OutputStream, byte[])}. */
  public static byte[] copyBuffer() {
    return new byte[COPY_BUFFER_BYTES];
  }

  private static long instanceNumber(String value) {
    try {
      return value == null || value.isBlank() ? Long.MAX_VALUE : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
