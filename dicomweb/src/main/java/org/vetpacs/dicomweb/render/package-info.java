/**
 * Rendered and thumbnail representations (PS3.18 10.4.1, "Rendered" and "Thumbnail" resources;
 * 8.3.5 rendering query parameters; PS3.18 9 WADO-URI image requests): the grayscale pipeline of
 * PS3.4 N.2 (Modality LUT as Rescale Slope/Intercept, VOI window with its LINEAR, LINEAR_EXACT or
 * SIGMOID function, MONOCHROME1 inverted), colour (RGB, YBR_FULL) as is, then region, viewport
 * scaling and JPEG/PNG/GIF encoding with javax.imageio. Native frames are read row by row by seeking
 * in the stored file, so a 2500x3000 16-bit radiograph is never in memory as more than its 8-bit
 * rendering.
 */
package org.vetpacs.dicomweb.render;
