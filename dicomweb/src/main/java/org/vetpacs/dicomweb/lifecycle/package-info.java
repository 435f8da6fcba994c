/**
 * The end of an instance's life in the archive: administrator DELETE of studies, series and
 * instances (blob and index together, in a fixed order), and IHE IOCM rejection notes (PS3.3
 * C.17.6 Key Object Selection documents titled with a rejection code of PS3.16 CID 7010) that hide
 * the instances they reference from every face. Both recount the series and study records and
 * fire a CDI event; neither knows about the faces that observe the index.
 */
package org.vetpacs.dicomweb.lifecycle;
