/**
 * The DIMSE face (PS3.7, PS3.8) on PixelMed: the association listener and its services. Today it
 * answers C-ECHO only; C-STORE, C-FIND, C-MOVE, C-GET and Modality Worklist come next.
 */
package org.vetpacs.dicomweb.dimse;
