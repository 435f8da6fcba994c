package org.vetpacs.dicomweb.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Durable storage of DICOM Part 10 files exactly as received.
 *
 * <p>Writing is two-step so that nothing half-written is ever visible: the caller streams into a
 * {@link #newTempFile() temporary file} and then {@link #commit commits} it, which makes it
 * durable (fsync) and visible under its final key in one atomic step, never replacing an existing
 * blob.
 */
public interface BlobStore {

  /** A new, empty temporary file on the same file system as the blobs. */
  Path newTempFile() throws IOException;

  /**
   * Makes {@code tempFile} durable and visible under the key of the given instance.
   *
   * @return the blob key to record in the index
   * @throws java.nio.file.FileAlreadyExistsException if a blob with that key already exists
   */
  String commit(Path tempFile, InstanceKey key) throws IOException;

  /**
   * Replaces a committed blob by {@code tempFile} in one atomic step, after making it durable
   * (fsync): used only when staff correct a stored header (reconciliation), never by a store.
   */
  default void replace(Path tempFile, String blobKey) throws IOException {
    throw new UnsupportedOperationException("This blob store cannot replace a blob");
  }

  /** The blob key an instance is (or would be) committed under. */
  String keyOf(InstanceKey key);

  /** Opens a committed blob for reading. */
  InputStream open(String blobKey) throws IOException;

  /**
   * Opens a committed blob for random access, so that a part of it (a frame, a bulk data value)
   * can be read without reading what comes before it.
   */
  default java.nio.channels.SeekableByteChannel openChannel(String blobKey) throws IOException {
    throw new UnsupportedOperationException("This blob store has no random access");
  }

  /** Size in bytes of a committed blob. */
  long size(String blobKey) throws IOException;

  /** Removes a blob (used to undo a store whose index commit failed). */
  void delete(String blobKey) throws IOException;

  /** Removes a temporary file if it still exists; never throws. */
  void discard(Path tempFile);

  /** Free space left for blobs, in bytes (for health checks and refusing stores early). */
  long usableSpace() throws IOException;

  /** Whether the store can be written to right now (for health checks). */
  boolean isWritable();
}
