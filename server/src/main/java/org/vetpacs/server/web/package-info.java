/** Error mapping at the HTTP edge, common to every face. */
package org.vetpacs.server.web;
