package org.vetpacs.dicomweb.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worklist item of an order: one per order, rewritten in place, ended with the order. */
class WorklistOrderTest {

  private InMemoryWorklistRepository repository;
  private WorklistService service;

  @BeforeEach
  void setUp() {
    repository = new InMemoryWorklistRepository();
    service = new WorklistService(repository, WorklistServiceTest.CLOCK);
  }

  private static NewWorklistItem order(String priority) {
    return WorklistServiceTest.minimal()
        .set("AccessionNumber", "A261125000001")
        .set("RequestedProcedurePriority", priority)
        .set("RequestingPhysician", "Herriot^James")
        .set("ReasonForTheRequestedProcedure", "Coughing");
  }

  @Test
  void schedulingAnOrderTwiceKeepsOneItemWithTheServerAssignedIdentifiers() {
    WorklistItem first = service.scheduleForOrder("o1", order("STAT"));
    WorklistItem second = service.scheduleForOrder("o1", order("ROUTINE"));

    assertEquals(1, repository.items.size());
    assertEquals(first.getId(), second.getId());
    assertEquals(first.getStudyInstanceUid(), second.getStudyInstanceUid());
    assertEquals(first.getScheduledProcedureStepId(), second.getScheduledProcedureStepId());
    assertEquals("ROUTINE", second.getRequestedProcedurePriority());
    assertEquals("o1", service.findByOrder("o1").orElseThrow().getOrderId());
  }

  @Test
  void theOrdersExtraAttributesAreInTheDicomJsonOfTheItem() {
    String json = WorklistDicomJson.of(service.scheduleForOrder("o1", order("STAT")));
    assertTrue(json.contains("\"00321032\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Herriot^James\"}]}"), json);
    assertTrue(json.contains("\"00401002\":{\"vr\":\"LO\",\"Value\":[\"Coughing\"]}"), json);
    assertTrue(json.contains("\"00401003\":{\"vr\":\"SH\",\"Value\":[\"STAT\"]}"), json);
  }

  @Test
  void anUnknownPriorityIsRefused() {
    assertThrows(WorklistException.class, () -> service.scheduleForOrder("o1", order("SOON")));
  }

  @Test
  void endingAnOrderTakesItsItemOffTheWorklistAndRescheduleLeavesItEnded() {
    service.scheduleForOrder("o1", order("STAT"));
    assertEquals(1, service.search(Map.of("AccessionNumber", "A261125000001")).size());

    WorklistItem ended = service.endOrder("o1", ProcedureStepStatus.DISCONTINUED).orElseThrow();
    assertEquals("DISCONTINUED", ended.getScheduledProcedureStepStatus());
    assertEquals(0, service.search(Map.of("AccessionNumber", "A261125000001")).size());
    assertEquals("DISCONTINUED",
        service.scheduleForOrder("o1", order("STAT")).getScheduledProcedureStepStatus());
    assertTrue(service.endOrder("no-such-order", ProcedureStepStatus.COMPLETED).isEmpty());
  }
}
