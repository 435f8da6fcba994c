/**
 * Deployment infrastructure: the embedded MongoDB-compatible index and the configuration source
 * that points JNoSQL at it (or at a real MongoDB when {@code VETPACS_MONGODB_URL} is set).
 */
package org.vetpacs.server.infrastructure;
