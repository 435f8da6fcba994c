package org.vetpacs.dicomweb.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * The native bytes of one frame (Little Endian), read a piece at a time: from the stored file by
 * seeking, or from a decoded array.
 */
public interface FrameSource {

  /** Fills {@code target} from byte {@code offset} of the frame. */
  void read(long offset, byte[] target, int length) throws IOException;

  /** A frame at {@code frameOffset} in a file; Big Endian OW words are swapped on reading. */
  static FrameSource of(SeekableByteChannel channel, long frameOffset, boolean swapPairs) {
    return (offset, target, length) -> {
      ByteBuffer buffer = ByteBuffer.wrap(target, 0, length);
      channel.position(frameOffset + offset);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          throw new IOException("The stored file ends inside a frame");
        }
      }
      if (swapPairs) {
        for (int i = 0; i + 1 < length; i += 2) {
          byte b = target[i];
          target[i] = target[i + 1];
          target[i + 1] = b;
        }
      }
    };
  }

  /** A frame at {@code frameOffset} in an array. */
  static FrameSource of(byte[] bytes, long frameOffset) {
    return (offset, target, length) ->
        System.arraycopy(bytes, (int) (frameOffset + offset), target, 0, length);
  }
}
