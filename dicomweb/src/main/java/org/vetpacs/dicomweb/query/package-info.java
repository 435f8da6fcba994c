/**
 * The query engine behind QIDO-RS (and, later, C-FIND): parsing of query keys and the PS3.4
 * C.2.2.2 matching rules into index filters.
 */
package org.vetpacs.dicomweb.query;
