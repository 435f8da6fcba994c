/**
 * The veterinary FHIR R4 model in one place: the URIs VetPACS defines ({@link
 * org.vetpacs.model.fhir.VetFhir}), the standard {@code patient-animal} extension filled from the
 * animal vocabulary ({@link org.vetpacs.model.fhir.AnimalExtension}), the microchip identifier
 * ({@link org.vetpacs.model.fhir.Microchip}), the owner as a RelatedPerson ({@link
 * org.vetpacs.model.fhir.Owners}), the DICOM Patient Module &lt;-&gt; FHIR mapping on plain values
 * ({@link org.vetpacs.model.fhir.AnimalDicomMapping}), and the conformance resources we publish:
 * profiles and SearchParameters as JSON under {@code /fhir/} on the class path, CodeSystems and
 * ValueSets built from the enums so they cannot drift ({@link
 * org.vetpacs.model.fhir.VetTerminology}, {@link org.vetpacs.model.fhir.ConformanceResources}).
 * Depends on HAPI FHIR structures only.
 */
package org.vetpacs.model.fhir;
