package org.vetpacs.dicomweb.dimse;

import java.io.IOException;
import java.io.OutputStream;

/** One request being served: receives its data set, then does the work and answers. */
interface DimseOperation {

  /** Where the request's data set goes, PDV by PDV (never held whole unless it is small). */
  OutputStream dataSet();

  /**
   * The request (and its data set, if any) is complete: do the work and send the response(s)
   * through {@code exchange}. Must always answer (PS3.7 9.1: every request gets a response).
   */
  void complete(DimseExchange exchange) throws IOException;

  /** The association broke off before {@link #complete}: release what was held. */
  default void abandon() {}
}
