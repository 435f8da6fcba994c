package org.vetpacs.dicomweb.dimse;

/**
 * A request's command set and the presentation context it arrived on.
 *
 * @param command the decoded command set
 * @param presentationContextId the presentation context of its PDVs
 * @param transferSyntaxUid the transfer syntax negotiated for that context (of the data set)
 * @param callingAeTitle the peer's AE title
 */
record DimseRequest(
    DimseCommand command, byte presentationContextId, String transferSyntaxUid,
    String callingAeTitle) {}
