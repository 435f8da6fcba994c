/**
 * The ingest pipeline shared by STOW-RS and C-STORE: receive, check, reserve, store durably,
 * index, acknowledge, then announce with an {@link org.vetpacs.dicomweb.ingest.InstanceStored}
 * event. Failure reasons are the codes of {@link org.vetpacs.dicomweb.ingest.DicomStatus}.
 */
package org.vetpacs.dicomweb.ingest;
