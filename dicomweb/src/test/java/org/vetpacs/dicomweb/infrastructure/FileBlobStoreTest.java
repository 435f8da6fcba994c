package org.vetpacs.dicomweb.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vetpacs.dicomweb.storage.InstanceKey;

/** The file-system blob store: atomic, non-replacing commits. */
class FileBlobStoreTest {

  private static final InstanceKey KEY = new InstanceKey("1.2.3", "1.2.3.4", "1.2.3.4.5");

  @TempDir Path root;
  private FileBlobStore store;

  @BeforeEach
  void createStore() throws IOException {
    store = new FileBlobStore(root);
  }

  private Path tempWith(byte[] content) throws IOException {
    Path temp = store.newTempFile();
    Files.write(temp, content);
    return temp;
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void createsBlobAndTempFolders() {
    assertTrue(Files.isDirectory(root.resolve("blobs")));
    assertTrue(Files.isDirectory(root.resolve("tmp")));
    assertTrue(store.isWritable());
  }

  @Test
  void newTempFileIsEmptyAndUnderTmp() throws IOException {
    Path temp = store.newTempFile();
    assertTrue(Files.exists(temp));
    assertEquals(0, Files.size(temp));
    assertEquals(root.resolve("tmp").toAbsolutePath().normalize(), temp.getParent());
  }

  @Test
  void commitMakesBlobReadableByteIdenticalUnderStudySeriesSop() throws IOException {
    byte[] content = random(300_000, 5);
    Path temp = tempWith(content);
    String blobKey = store.commit(temp, KEY);
    assertEquals("1.2.3/1.2.3.4/1.2.3.4.5.dcm", blobKey);
    assertEquals(blobKey, store.keyOf(KEY));
    try (InputStream in = store.open(blobKey)) {
      assertArrayEquals(content, in.readAllBytes());
    }
    assertEquals(content.length, store.size(blobKey));
    assertArrayEquals(
        content, Files.readAllBytes(root.resolve("blobs/1.2.3/1.2.3.4/1.2.3.4.5.dcm")));
  }

  @Test
  void commitRemovesTheTemporaryFile() throws IOException {
    Path temp = tempWith(new byte[] {1, 2, 3});
    store.commit(temp, KEY);
    assertFalse(Files.exists(temp));
    try (var files = Files.list(root.resolve("tmp"))) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void committingTheSameKeyTwiceFailsAndKeepsTheFirstBlob() throws IOException {
    byte[] first = {1, 2, 3};
    String blobKey = store.commit(tempWith(first), KEY);
    Path second = tempWith(new byte[] {9, 9, 9, 9});
    assertThrows(FileAlreadyExistsException.class, () -> store.commit(second, KEY));
    try (InputStream in = store.open(blobKey)) {
      assertArrayEquals(first, in.readAllBytes());
    }
    store.discard(second);
    assertFalse(Files.exists(second));
  }

  @Test
  void instancesOfTheSameSeriesShareItsFolder() throws IOException {
    InstanceKey other = new InstanceKey("1.2.3", "1.2.3.4", "1.2.3.4.6");
    store.commit(tempWith(new byte[] {1}), KEY);
    store.commit(tempWith(new byte[] {2}), other);
    try (var files = Files.list(root.resolve("blobs/1.2.3/1.2.3.4"))) {
      assertEquals(2, files.count());
    }
  }

  @Test
  void deleteRemovesBlobAndAllowsRecommit() throws IOException {
    String blobKey = store.commit(tempWith(new byte[] {1}), KEY);
    store.delete(blobKey);
    assertThrows(IOException.class, () -> store.open(blobKey));
    store.commit(tempWith(new byte[] {2}), KEY);
    try (InputStream in = store.open(blobKey)) {
      assertArrayEquals(new byte[] {2}, in.readAllBytes());
    }
  }

  @Test
  void discardRemovesATemporaryFileThatWasNotCommitted() throws IOException {
    Path temp = store.newTempFile();
    Files.write(temp, new byte[] {1, 2, 3});
    store.discard(temp);
    assertFalse(Files.exists(temp));
  }

  @Test
  void discardOfMissingFileDoesNotThrow() {
    store.discard(root.resolve("tmp/does-not-exist.part"));
  }

  @Test
  void blobKeysThatEscapeTheBlobFolderAreRefused() throws IOException {
    Files.writeString(root.resolve("secret.txt"), "secret");
    IOException e = assertThrows(IOException.class, () -> store.open("../secret.txt"));
    assertTrue(e.getMessage().contains("escapes"), e.getMessage());
    assertThrows(IOException.class, () -> store.delete("../secret.txt"));
    assertTrue(Files.exists(root.resolve("secret.txt")));
  }

  @Test
  void reportsUsableSpace() throws IOException {
    assertTrue(store.usableSpace() > 0);
  }
}
