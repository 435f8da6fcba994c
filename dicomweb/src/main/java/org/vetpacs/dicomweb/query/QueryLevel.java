package org.vetpacs.dicomweb.query;

/** The levels of the Query/Retrieve information models (PS3.4 C.6) and of QIDO-RS (PS3.18 10.6). */
public enum QueryLevel {
  PATIENT,
  STUDY,
  SERIES,
  INSTANCE
}
