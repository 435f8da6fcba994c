/**
 * The benchmark client behind {@code ./vetpacs bench}: drives a DICOMweb server (VetPACS, and
 * Orthanc side by side when asked) over HTTP and dcmtk, with data from the generator, and prints
 * medians of several runs together with the machine's own ceilings. Figures, not assertions: speed
 * targets live here, not in timed unit tests.
 */
package org.vetpacs.testdata.bench;
