package org.vetpacs.dicomweb.dicom;

/**
 * What the archive needs to know about one received instance, read from its header: the
 * identifying UIDs, the attributes the index queries on, and the whole header as DICOM JSON
 * (PS3.18 F.2) for metadata and query responses. Free of toolkit types.
 *
 * <p>String fields are never null; an absent or empty attribute is the empty string.
 */
public record InstanceHeader(
    String sopClassUid,
    String sopInstanceUid,
    String studyInstanceUid,
    String seriesInstanceUid,
    String transferSyntaxUid,
    String specificCharacterSet,
    String patientName,
    String patientId,
    String patientBirthDate,
    String patientSex,
    String patientSpeciesDescription,
    String patientBreedDescription,
    String responsiblePerson,
    String responsibleOrganization,
    String studyDate,
    String studyTime,
    String accessionNumber,
    String studyId,
    String studyDescription,
    String referringPhysicianName,
    String modality,
    String seriesNumber,
    String seriesDescription,
    String bodyPartExamined,
    String instanceNumber,
    String dicomJson) {}
