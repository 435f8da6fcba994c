package org.vetpacs.testdata;

import java.util.Random;

/**
 * Synthetic anatomy: radiographs of a thorax and a distal limb, intra-oral views of teeth, CT
 * cross-sections and an ultrasound cine loop. The shapes are crude but structured (a viewer shows
 * lungs, heart, spine and ribs; crowns and roots; a body outline with organs and a vertebra; a
 * beating chamber), which is what tests of windowing, thumbnails and compression need.
 *
 * <p>Every method takes its variation from the seeded {@link Random} it is given and from nothing
 * else, so the same draws give the same pixels.
 */
final class Phantoms {

  private Phantoms() {}

  /** 12-bit MONOCHROME2 thorax radiograph; {@code lateral} chooses a lateral or a VD view. */
  static short[] thorax(int width, int height, boolean lateral, Random random) {
    GrayCanvas c = new GrayCanvas(width, height, 250);
    double w = width;
    double h = height;
    double jitter = 1 + (random.nextDouble() - 0.5) * 0.08;
    if (lateral) {
      // Lateral: cranial to the left, dorsal up; spine runs along the top of the chest.
      c.addEllipse(w * 0.5, h * 0.52, w * 0.46 * jitter, h * 0.36, 1500);
      c.addEllipse(w * 0.5, h * 0.5, w * 0.36 * jitter, h * 0.27, -700);
      c.addEllipse(w * 0.45, h * 0.6, w * 0.13, h * 0.15, 900);
      c.addRect(w * 0.06, h * 0.2, w * 0.94, h * 0.25, 1400);
      for (int i = 0; i < 11; i++) {
        double x = w * (0.18 + i * 0.065);
        c.addArc(x, h * 0.52, w * 0.05, h * 0.3, Math.max(2, w * 0.006), -Math.PI / 2, Math.PI / 2,
            600);
      }
    } else {
      // Ventrodorsal: head up, spine down the midline, two lung fields either side of the heart.
      c.addEllipse(w * 0.5, h * 0.5, w * 0.42 * jitter, h * 0.45, 1500);
      c.addEllipse(w * 0.33, h * 0.46, w * 0.14, h * 0.3, -750);
      c.addEllipse(w * 0.67, h * 0.46, w * 0.14, h * 0.3, -750);
      c.addEllipse(w * 0.54, h * 0.55, w * 0.15 * jitter, h * 0.17, 800);
      c.addRect(w * 0.475, h * 0.05, w * 0.525, h * 0.95, 1300);
      for (int i = 0; i < 12; i++) {
        double y = h * (0.2 + i * 0.05);
        c.addArc(w * 0.5, y, w * 0.34, h * 0.07, Math.max(2, h * 0.006), 0.15, Math.PI - 0.15,
            550);
      }
    }
    c.addVerticalRamp(-120, 120); // heel effect of the tube
    return c.toShorts(0, 4095, 40, random.nextLong());
  }

  /** 12-bit MONOCHROME2 radiograph of an equine distal limb (cannon, fetlock, pastern, hoof). */
  static short[] equineLimb(int width, int height, boolean lateral, Random random) {
    GrayCanvas c = new GrayCanvas(width, height, 200);
    double w = width;
    double h = height;
    double boneW = w * (lateral ? 0.16 : 0.2);
    c.addRect(w * 0.3, 0, w * 0.7, h * 0.78, 1300); // soft tissue of the limb
    c.addRect(w * 0.5 - boneW / 2, 0, w * 0.5 + boneW / 2, h * 0.42, 1600); // cannon bone
    c.addRect(w * 0.5 - boneW / 4, 0, w * 0.5 + boneW / 4, h * 0.42, -500); // medullary cavity
    c.addEllipse(w * 0.5, h * 0.45, boneW * 0.65, h * 0.05, 1700); // fetlock joint
    c.addEllipse(w * (lateral ? 0.62 : 0.5), h * 0.44, w * 0.04, h * 0.03, 600); // sesamoid
    c.addRect(w * 0.5 - boneW * 0.4, h * 0.5, w * 0.5 + boneW * 0.4, h * 0.66, 1550); // pastern
    c.addEllipse(w * 0.5, h * 0.78, w * 0.24, h * 0.14, 1400); // hoof capsule
    c.addEllipse(w * 0.5, h * 0.78, w * 0.14, h * 0.08, 900); // coffin bone
    c.addRect(w * 0.5 - 2, h * 0.46, w * 0.5 + 2, h * (0.47 + random.nextDouble() * 0.01), -300);
    c.addVerticalRamp(-100, 100);
    return c.toShorts(0, 4095, 35, random.nextLong());
  }

  /** 12-bit MONOCHROME2 intra-oral radiograph of 2-3 teeth: enamel, dentin, pulp, roots, bone. */
  static short[] teeth(int width, int height, Random random) {
    GrayCanvas c = new GrayCanvas(width, height, 500);
    double w = width;
    double h = height;
    c.addRect(0, h * 0.45, w, h, 900); // alveolar bone
    int teeth = 2 + random.nextInt(2);
    for (int i = 0; i < teeth; i++) {
      double cx = w * (i + 0.5) / teeth + (random.nextDouble() - 0.5) * w * 0.05;
      double crownW = w * 0.36 / teeth;
      c.addEllipse(cx, h * 0.3, crownW, h * 0.2, 1900); // dentin
      c.addEllipse(cx, h * 0.22, crownW * 0.95, h * 0.12, 900); // enamel cap
      c.addRect(cx - crownW * 0.7, h * 0.35, cx - crownW * 0.25, h * 0.9, 1500); // mesial root
      c.addRect(cx + crownW * 0.25, h * 0.35, cx + crownW * 0.7, h * 0.88, 1500); // distal root
      c.addEllipse(cx, h * 0.36, crownW * 0.3, h * 0.09, -900); // pulp chamber
      c.addRect(cx - crownW * 0.5, h * 0.42, cx - crownW * 0.42, h * 0.86, -700); // canals
      c.addRect(cx + crownW * 0.42, h * 0.42, cx + crownW * 0.5, h * 0.84, -700);
    }
    return c.toShorts(0, 4095, 30, random.nextLong());
  }

  /**
   * One axial CT slice in stored values (HU + 1024, 12 bits); {@code z} from 0 (cranial, thorax)
   * to 1 (caudal, abdomen) moves the lungs out and the kidneys in.
   */
  static short[] ctSlice(int size, double z, long noiseSeed) {
    final int offset = 1024; // Rescale Intercept -1024 (PS3.3 C.11.1.1.2)
    GrayCanvas c = new GrayCanvas(size, size, -1000 + offset);
    double s = size;
    double bodyRy = s * (0.3 + 0.04 * Math.sin(z * Math.PI));
    c.setEllipse(s * 0.5, s * 0.52, s * 0.38, bodyRy, 40 + offset); // soft tissue
    c.addEllipse(s * 0.5, s * 0.52, s * 0.36, bodyRy - s * 0.02, -120); // fat layer inside skin
    c.addRect(0, s * 0.52 + bodyRy, s - 1, s * 0.52 + bodyRy + s * 0.015, 1100); // table
    double lung = Math.max(0, 1 - z * 2.2);
    if (lung > 0) {
      c.setEllipse(s * 0.36, s * 0.5, s * 0.12 * lung + 1, s * 0.2 * lung + 1, -820 + offset);
      c.setEllipse(s * 0.64, s * 0.5, s * 0.12 * lung + 1, s * 0.2 * lung + 1, -820 + offset);
      c.setEllipse(s * 0.52, s * 0.56, s * 0.1 * lung + 1, s * 0.1 * lung + 1, 45 + offset);
    } else {
      c.setEllipse(s * 0.44, s * 0.5, s * 0.13, s * 0.1, 60 + offset); // liver / spleen
      c.setEllipse(s * 0.38, s * 0.62, s * 0.05, s * 0.035, 30 + offset); // kidney
      c.setEllipse(s * 0.62, s * 0.62, s * 0.05, s * 0.035, 30 + offset);
      c.setEllipse(s * 0.58, s * 0.45, s * 0.07, s * 0.05, -600 + offset); // gas in bowel
    }
    c.setEllipse(s * 0.5, s * 0.72, s * 0.045, s * 0.04, 700 + offset); // vertebral body
    c.setEllipse(s * 0.5, s * 0.72, s * 0.02, s * 0.018, 250 + offset); // cancellous core
    c.setEllipse(s * 0.5, s * 0.78, s * 0.015, s * 0.015, 20 + offset); // spinal canal
    c.setEllipse(s * 0.5, s * 0.37, s * 0.018, s * 0.018, 40 + offset); // aorta / cava
    return c.toShorts(0, 4095, 12, noiseSeed);
  }

  /**
   * One RGB frame (PlanarConfiguration 0, R G B per pixel) of a cardiac cine: a sector scan with
   * speckle and a chamber whose size follows {@code phase} (0..1), a red/blue colour-flow patch
   * during systole, and a grey bar on the right.
   */
  static void usFrame(byte[] out, int offset, int width, int height, double phase, long seed) {
    double apexX = width / 2.0;
    double apexY = height * 0.04;
    double radius = height * 0.92;
    double halfAngle = Math.toRadians(38);
    double beat = 0.5 + 0.5 * Math.cos(2 * Math.PI * phase);
    double chX = width * 0.5 + width * 0.03 * Math.sin(2 * Math.PI * phase);
    double chY = height * 0.55;
    double chRx = width * (0.1 + 0.05 * beat);
    double chRy = height * (0.14 + 0.06 * beat);
    boolean systole = phase > 0.1 && phase < 0.45;
    long s = seed == 0 ? 0x2545F4914F6CDD1DL : seed;
    int p = offset;
    for (int y = 0; y < height; y++) {
      double dy = y - apexY;
      for (int x = 0; x < width; x++) {
        s ^= s << 13;
        s ^= s >>> 7;
        s ^= s << 17;
        int speckle = (int) ((s >>> 40) & 0x3f);
        int r;
        int g;
        int b;
        double dx = x - apexX;
        double dist = Math.sqrt(dx * dx + dy * dy);
        double angle = Math.atan2(dx, dy);
        if (x > width - 14 && y > height * 0.2 && y < height * 0.8) {
          int grey = (int) (255 * (height * 0.8 - y) / (height * 0.6));
          r = grey;
          g = grey;
          b = grey;
        } else if (dy > 0 && dist < radius && Math.abs(angle) < halfAngle) {
          double ex = (x - chX) / chRx;
          double ey = (y - chY) / chRy;
          double e = ex * ex + ey * ey;
          int tissue = 70 + speckle + (int) (40 * (1 - dist / radius));
          if (e < 1) {
            tissue = 8 + speckle / 4; // blood is anechoic
          } else if (e < 1.35) {
            tissue = 150 + speckle; // myocardium is bright
          }
          r = tissue;
          g = tissue;
          b = tissue;
          if (systole && e < 0.5 && ex < 0.3) {
            boolean toward = ey < 0;
            r = toward ? 200 + speckle / 2 : 20;
            g = 30;
            b = toward ? 20 : 200 + speckle / 2;
          }
        } else {
          r = 0;
          g = 0;
          b = 0;
        }
        out[p++] = (byte) Math.min(255, r);
        out[p++] = (byte) Math.min(255, g);
        out[p++] = (byte) Math.min(255, b);
      }
    }
  }
}
