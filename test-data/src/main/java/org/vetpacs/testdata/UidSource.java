package org.vetpacs.testdata;

import java.math.BigInteger;
import java.util.Random;

/**
 * UIDs under the {@code 2.25} root, drawn from the generator's seeded random source.
 *
 * <p>PS3.5 B.2 allows a UID made of {@code 2.25.} and the decimal form of a 128-bit UUID; here the
 * 128 bits come from the seeded random, not from a clock, so runs repeat. The longest result is
 * 5 + 39 = 44 characters, within the 64 of PS3.5 9.1, and the decimal form has no leading zero.
 */
final class UidSource {

  private final Random random;

  UidSource(Random random) {
    this.random = random;
  }

  String next() {
    byte[] bits = new byte[16];
    random.nextBytes(bits);
    // Mark the value as a version 4 (random) UUID, as PS3.5 B.2 and ITU-T X.667 describe.
    bits[6] = (byte) ((bits[6] & 0x0f) | 0x40);
    bits[8] = (byte) ((bits[8] & 0x3f) | 0x80);
    return "2.25." + new BigInteger(1, bits);
  }
}
