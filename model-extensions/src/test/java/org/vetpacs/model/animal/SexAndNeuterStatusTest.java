package org.vetpacs.model.animal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SexAndNeuterStatusTest {

  @Test
  void sexDicomValuesAreTheEnumeratedValuesOfPatientsSex() {
    assertEquals("M", Sex.M.dicomValue());
    assertEquals("F", Sex.F.dicomValue());
    assertEquals("O", Sex.O.dicomValue());
    assertEquals("female", Sex.F.fhirGender());
  }

  @Test
  void sexFromTextReadsDicomValuesAndCommonWords() {
    assertEquals(Optional.of(Sex.M), Sex.fromText("m"));
    assertEquals(Optional.of(Sex.F), Sex.fromText("Mare"));
    assertEquals(Optional.of(Sex.M), Sex.fromText("gelding"));
    assertEquals(Optional.of(Sex.O), Sex.fromText("O"));
    assertEquals(Optional.empty(), Sex.fromText(""));
    assertEquals(Optional.empty(), Sex.fromText("x"));
  }

  @Test
  void neuterStatusReadsDicomValuesAndCommonWords() {
    assertEquals("ALTERED", NeuterStatus.ALTERED.dicomValue());
    assertEquals(Optional.of(NeuterStatus.ALTERED), NeuterStatus.fromText("spayed"));
    assertEquals(Optional.of(NeuterStatus.UNALTERED), NeuterStatus.fromText("UNALTERED"));
    assertEquals(Optional.of(NeuterStatus.UNALTERED), NeuterStatus.fromText("intact"));
    assertEquals(Optional.empty(), NeuterStatus.fromText(null));
  }
}
