/**
 * Implementations of the archive's storage interfaces: the file-system blob store and the
 * MongoDB index set-up.
 */
package org.vetpacs.dicomweb.infrastructure;
