/**
 * The DICOM index: study, series and instance records in MongoDB through Eclipse JNoSQL, with the
 * MongoDB indexes every query path needs. The index holds the queryable attributes and each
 * instance's header as DICOM JSON; the blobs stay in the blob store.
 */
package org.vetpacs.dicomweb.index;
