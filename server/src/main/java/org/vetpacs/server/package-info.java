/**
 * The deployable VetPACS application on Payara Micro: the JAX-RS application, health checks,
 * error mapping and deployment infrastructure.
 */
package org.vetpacs.server;
