/**
 * The blob store: where DICOM Part 10 files live, byte for byte as received. The interface is
 * here; implementations (the file system by default) live in {@code infrastructure}.
 */
package org.vetpacs.dicomweb.storage;
