package org.vetpacs.dicomweb.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.storage.BlobStore;
import org.vetpacs.dicomweb.storage.InstanceKey;

/**
 * {@link BlobStore} on the local file system: {@code <root>/blobs/<study>/<series>/<sop>.dcm}, with
 * temporary files in {@code <root>/tmp} (same file system, so a commit is a link, not a copy).
 *
 * <p>Commit order: fsync the temporary file, hard-link it to its final name (atomic, and fails
 * instead of replacing an existing blob), fsync the directories, remove the temporary name. A crash
 * at any point leaves either no blob or a complete one.
 */
public class FileBlobStore implements BlobStore {

  private static final Logger LOG = Logger.getLogger(FileBlobStore.class.getName());

  private final Path root;
  private final Path blobs;
  private final Path tmp;

  /**
   * The file system of the blobs, looked up once: {@link Files#getFileStore} reads the mount table
   * on every call, while {@link FileStore#getUsableSpace()} asks the kernel afresh each time.
   */
  private final FileStore fileStore;

  public FileBlobStore(Path dataDirectory) throws IOException {
    this.root = dataDirectory.toAbsolutePath().normalize();
    this.blobs = root.resolve("blobs");
    this.tmp = root.resolve("tmp");
    Files.createDirectories(blobs);
    Files.createDirectories(tmp);
    this.fileStore = Files.getFileStore(blobs);
  }

  @Override
  public Path newTempFile() throws IOException {
    return Files.createTempFile(tmp, "incoming-", ".part");
  }

  @Override
  public String commit(Path tempFile, InstanceKey key) throws IOException {
    try (FileChannel channel = FileChannel.open(tempFile, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    String blobKey = keyOf(key);
    Path target = resolve(blobKey);
    Path seriesDir = target.getParent();
    boolean newSeriesDir = !Files.isDirectory(seriesDir);
    if (newSeriesDir) {
      // only then: on an existing folder createDirectories throws and catches two exceptions
      Files.createDirectories(seriesDir);
    }
    Files.createLink(target, tempFile); // atomic; FileAlreadyExistsException instead of replacing
    fsyncDirectory(seriesDir);
    if (newSeriesDir) {
      fsyncDirectory(seriesDir.getParent());
      fsyncDirectory(blobs);
    }
    Files.deleteIfExists(tempFile);
    return blobKey;
  }

  @Override
  public void replace(Path tempFile, String blobKey) throws IOException {
    try (FileChannel channel = FileChannel.open(tempFile, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Path target = resolve(blobKey);
    // rename(2) replaces atomically: a reader sees the old file or the new one, never a mix
    Files.move(tempFile, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    fsyncDirectory(target.getParent());
  }

  @Override
  public String keyOf(InstanceKey key) {
    return key.studyInstanceUid() + "/" + key.seriesInstanceUid() + "/" + key.sopInstanceUid() + ".dcm";
  }

  @Override
  public InputStream open(String blobKey) throws IOException {
    return Files.newInputStream(resolve(blobKey));
  }

  @Override
  public java.nio.channels.SeekableByteChannel openChannel(String blobKey) throws IOException {
    return FileChannel.open(resolve(blobKey), StandardOpenOption.READ);
  }

  @Override
  public long size(String blobKey) throws IOException {
    return Files.size(resolve(blobKey));
  }

  @Override
  public void delete(String blobKey) throws IOException {
    Files.deleteIfExists(resolve(blobKey));
  }

  @Override
  public void discard(Path tempFile) {
    if (!tempFile.toFile().exists()) {
      // Usually so (a commit consumed it). java.io's check costs one stat(2); NIO's deleteIfExists
      // and exists would throw and catch an exception with its stack trace each time.
      return;
    }
    try {
      Files.deleteIfExists(tempFile);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not remove temporary file " + tempFile, e);
    }
  }

  @Override
  public long usableSpace() throws IOException {
    return fileStore.getUsableSpace();
  }

  @Override
  public boolean isWritable() {
    return Files.isDirectory(blobs) && Files.isWritable(blobs) && Files.isWritable(tmp);
  }

  /** The folder that holds the blobs (for logs and health reports). */
  public Path root() {
    return root;
  }

  private Path resolve(String blobKey) throws IOException {
    Path path = blobs.resolve(blobKey).normalize();
    if (!path.startsWith(blobs)) {
      throw new IOException("Blob key escapes the blob folder: " + blobKey);
    }
    return path;
  }

  private static void fsyncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
