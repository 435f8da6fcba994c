package org.vetpacs.dicomweb.dimse;

import java.io.IOException;
import java.util.List;

/**
 * One DIMSE service the association handler dispatches to, per SOP Class: its abstract syntaxes
 * are accepted at association negotiation, and each request on them is handed to it. A C-FIND
 * SCP (Query/Retrieve FIND, Modality Worklist) plugs in as one more implementation.
 */
interface DimseService {

  /** Whether this service is the SCP of {@code sopClassUid}. */
  boolean handles(String sopClassUid);

  /** The transfer syntaxes accepted for this service's SOP Classes, in preference order. */
  List<String> transferSyntaxes();

  /**
   * Starts serving one request whose command set has arrived; its data set (if any) is then
   * streamed into {@link DimseOperation#dataSet()}.
   */
  DimseOperation start(DimseRequest request) throws IOException;
}
