/**
 * Who an animal is: the clinic's name convention and the rules that decide whether two records
 * (a FHIR Patient from the practice-management system, the Patient Module of a DICOM header) are
 * the same animal. Clinics write the patient as {@code PETNAME^OWNERLASTNAME}; modalities and
 * people also type {@code Bailey Smith}, {@code SMITH, Bailey} or {@code Bailey (Dog)}.
 * {@link org.vetpacs.model.identity.ClinicName} reads all of these into one form, and
 * {@link org.vetpacs.model.identity.PatientMatcher} applies the matching order: the clinic patient
 * ID first, then pet name + owner + species + birth date, and never a guess when two animals fit.
 * Plain Java, no framework.
 */
package org.vetpacs.model.identity;
