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

  @Inject IndexRepository index;
  @Inject BlobStore blobs;

  protected RetrieveService() {}

  public RetrieveService(IndexRepository index, BlobStore blobs) {
    this.index = index;
    this.blobs = blobs;
  }

  /**
   * The stored instances of the resource, in a stable order.
   *
   * @throws RetrieveException NOT_FOUND if there are none
   */
  public List<InstanceRecord> instances(ResourceScope scope) {
    List<InstanceRecord> found;
    if (scope.instance() != null) {
      found = List.of(instance(scope));
    } else if (scope.series() != null) {
      found = index.storedInstancesOfSeries(scope.study(), scope.series());
    } else {
      found = index.storedInstancesOfStudy(scope.study());
    }
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
   * The transfer syntax each instance will be sent in: as stored when {@code requested} is null
   * (PS3.18 8.7.3.5: absent or {@code *}), else {@code requested}.
   *
   * @throws RetrieveException NOT_ACCEPTABLE naming the first instance that cannot be delivered in
   *     it (PS3.18 10.4.3: 406 when no acceptable representation exists)
   */
  public void requireDeliverable(List<InstanceRecord> instances, String requested) {
    for (InstanceRecord instance : instances) {
      if (!TransferSyntaxes.canDeliver(instance.getTransferSyntaxUid(), requested)) {
        throw RetrieveException.notAcceptable(
            "Instance "
                + instance.getSopInstanceUid()
                + " is stored as "
                + instance.getTransferSyntaxUid()
                + " and cannot be delivered as "
                + requested
                + "; this archive transcodes native, deflated, JPEG baseline, JPEG lossless and"
                + " RLE instances to Explicit VR Little Endian ("
                + TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN
                + "), or sends any as stored (transfer-syntax=*)");
      }
    }
  }

  /** The syntax {@code instance} is delivered in for a request of {@code requested}. */
  public static String deliveredSyntax(InstanceRecord instance, String requested) {
    return requested == null ? instance.getTransferSyntaxUid() : requested;
  }

  /** Writes one instance in the delivered syntax. */
  public void write(InstanceRecord instance, String requested, OutputStream out)
      throws IOException {
    String target = deliveredSyntax(instance, requested);
    if (target.equals(instance.getTransferSyntaxUid())) {
      try (InputStream in = blobs.open(instance.getBlobKey())) {
        in.transferTo(out);
      }
    } else {
      Transcoder.toExplicitVrLittleEndian(
          blobs, instance.getBlobKey(), instance.getTransferSyntaxUid(), out);
    }
  }

  private static long instanceNumber(String value) {
    try {
      return value == null || value.isBlank() ? Long.MAX_VALUE : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
