/** The archive's typed configuration (MicroProfile Config, {@code VETPACS_*} variables). */
package org.vetpacs.dicomweb.config;
