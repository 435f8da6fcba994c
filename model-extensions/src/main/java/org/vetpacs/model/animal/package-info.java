/**
 * A small, curated veterinary vocabulary shared by the test-data generator and the DICOM and FHIR
 * mappings: species, breeds, sex and neuter status, each carrying the DICOM value it is written as
 * and, where it could be verified, its SNOMED CT concept.
 *
 * <p>DICOM carries the animal in the Patient Module (PS3.3 C.7.1.1): Patient Species Description
 * (0010,2201) and Patient Species Code Sequence (0010,2202, values from CID 7454 "Animal Taxonomic
 * Rank Values"), Patient Breed Description (0010,2292) and Patient Breed Code Sequence (0010,2293,
 * CID 7480 "Breed"), Patient's Sex (0010,0040) and Patient's Sex Neutered (0010,2203). A code that
 * could not be checked against a published value set is left {@code null} rather than guessed; the
 * Javadoc of each type names its sources. The package is plain Java with no framework in it.
 */
package org.vetpacs.model.animal;
