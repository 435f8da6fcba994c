/**
 * The store of scheduled procedure steps behind the Modality Worklist (PS3.4 Annex K, K.6 Modality
 * Worklist Information Model), kept by the archive until the FHIR order workflow owns orders.
 * {@code WorklistService} validates and completes new items (Accession Number, Study Instance UID
 * and step ids assigned by the server; species and breed mapped to SNOMED CT), keeps the step's
 * status (PS3.3 C.4.10), and answers worklist queries with the matching rules of PS3.4 C.2.2.2 and
 * the return keys of PS3.4 Table K.6-1 as DICOM JSON (PS3.18 F.2), which the DIMSE Modality
 * Worklist C-FIND SCP returns to modalities. Plain Java apart from the entity mapping and CDI;
 * storage behind {@code WorklistRepository}.
 */
package org.vetpacs.dicomweb.worklist;
