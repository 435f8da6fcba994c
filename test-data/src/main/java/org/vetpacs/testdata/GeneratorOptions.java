package org.vetpacs.testdata;

/**
 * How big the generated studies are.
 *
 * <p>The size flag is named {@code smallMatrices} rather than {@code small}: a record component
 * {@code small} would have an accessor {@code boolean small()}, which Java does not allow beside
 * the factory {@code static GeneratorOptions small()}. The factories are what callers use.
 *
 * @param smallMatrices {@code true} for tiny matrices (64x64, CT 5 slices, cine 3 frames) with the same
 *     headers as realistic studies, so integration tests run fast
 * @param instanceCountOverride the number of instances (views, images, slices or cine loops) per
 *     study, or 0 for the default of the mode (realistic: drawn from the kind's usual range)
 */
public record GeneratorOptions(boolean smallMatrices, int instanceCountOverride) {

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if {@code instanceCountOverride} is negative
   */
  public GeneratorOptions {
    if (instanceCountOverride < 0) {
      throw new IllegalArgumentException("instanceCountOverride must be >= 0");
    }
  }

  /**
   * Realistic matrix sizes and instance counts.
   *
   * @return the options
   */
  public static GeneratorOptions realistic() {
    return new GeneratorOptions(false, 0);
  }

  /**
   * Tiny matrices and few instances, for fast tests.
   *
   * @return the options
   */
  public static GeneratorOptions small() {
    return new GeneratorOptions(true, 0);
  }
}
