package org.vetpacs.fhir.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;

/** Subscriptions, the outbox and delivery with retries, on in-memory fakes and a fake receiver. */
class SubscriptionDeliveryTest {

  private final FhirContext ctx = FhirContext.forR4Cached();
  private final InMemoryFhirResourceStore store = new InMemoryFhirResourceStore();
  private final SubscriptionService subscriptions = new SubscriptionService(ctx, store, null);
  private final DiagnosticReportService reports = new DiagnosticReportService(ctx, store, null);
  private final InMemorySubscriptionOutbox outbox = new InMemorySubscriptionOutbox();
  private final MutableClock clock = new MutableClock();
  private final Receiver receiver = new Receiver();
  private final Backoff backoff =
      new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 5, Duration.ofHours(1));
  private final SubscriptionDelivery.Payloads payloads = (type, id, version) ->
      store.readVersion(type, id, version).map(StoredResource::json);

  private SubscriptionDelivery delivery() {
    return new SubscriptionDelivery(subscriptions, new SubscriptionMatcher(store, null), outbox,
        payloads, receiver, backoff, clock);
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-26T08:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static final class Receiver implements SubscriptionDelivery.Transport {
    record Call(URI endpoint, List<String> headers, String type, String body) {}

    final List<Call> calls = new ArrayList<>();
    boolean up = true;
    int status = 200;

    @Override
    public int post(URI endpoint, List<String> headers, String type, byte[] body)
        throws IOException {
      if (!up) {
        throw new ConnectException("Connection refused");
      }
      calls.add(new Call(endpoint, headers, type, new String(body, StandardCharsets.UTF_8)));
      return status;
    }
  }

  private Subscription subscribe(String criteria, String payload) {
    Subscription s = new Subscription();
    s.setStatus(SubscriptionStatus.REQUESTED).setReason("test").setCriteria(criteria);
    s.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK)
        .setEndpoint("http://pims.example/hook").setPayload(payload)
        .addHeader("Authorization: Bearer secret");
    return subscriptions.create(s, null).resource();
  }

  private String finalReport(String patient) {
    DiagnosticReport r = new DiagnosticReport();
    r.setStatus(DiagnosticReportStatus.FINAL);
    r.setSubject(new Reference(patient));
    r.setCode(new CodeableConcept(new Coding("http://loinc.org", "18748-4", null)));
    return reports.create(r, null).resource().getIdElement().getIdPart();
  }

  private int runDue(SubscriptionDelivery d) {
    List<OutboxEntry> due = d.claimDue(10);
    due.forEach(d::deliver);
    return due.size();
  }

  @Test
  void aRequestedSubscriptionBecomesActiveAndBadOnesAre422NamingTheElement() {
    Subscription s = subscribe("DiagnosticReport?status=final", "application/fhir+json");
    assertEquals(SubscriptionStatus.ACTIVE, s.getStatus());
    UnprocessableEntityException bad = assertThrows(UnprocessableEntityException.class,
        () -> subscribe("DiagnosticReport?nonsense=1", null));
    assertEquals("Subscription.criteria", ((OperationOutcome) bad.getOperationOutcome())
        .getIssueFirstRep().getExpression().get(0).getValue());
    Subscription email = new Subscription().setStatus(SubscriptionStatus.REQUESTED)
        .setCriteria("DiagnosticReport");
    email.getChannel().setType(Subscription.SubscriptionChannelType.EMAIL).setEndpoint("mailto:x");
    bad = assertThrows(UnprocessableEntityException.class, () -> subscriptions.create(email, null));
    assertEquals("Subscription.channel.type", ((OperationOutcome) bad.getOperationOutcome())
        .getIssueFirstRep().getExpression().get(0).getValue());
  }

  @Test
  void aMatchingChangeIsDeliveredWithTheResourceAndTheChannelHeaders() {
    subscribe("DiagnosticReport?status=final&patient=Patient/p1", "application/fhir+json");
    SubscriptionDelivery d = delivery();
    String other = finalReport("Patient/p2");
    assertEquals(0, d.changed(new FhirResourceChanged("DiagnosticReport", other, 1, true)));
    String id = finalReport("Patient/p1");
    assertEquals(1, d.changed(new FhirResourceChanged("DiagnosticReport", id, 1, true)));
    assertEquals(1, runDue(d));
    assertEquals(1, receiver.calls.size());
    Receiver.Call call = receiver.calls.get(0);
    assertEquals("application/fhir+json", call.type());
    assertEquals(List.of("Authorization: Bearer secret"), call.headers());
    DiagnosticReport got = ctx.newJsonParser().parseResource(DiagnosticReport.class, call.body());
    assertEquals(id, got.getIdElement().getIdPart());
    assertEquals(0, runDue(d));
  }

  @Test
  void withoutPayloadTheNotificationIsEmpty() {
    subscribe("DiagnosticReport", null);
    SubscriptionDelivery d = delivery();
    String id = finalReport("Patient/p1");
    d.changed(new FhirResourceChanged("DiagnosticReport", id, 1, true));
    runDue(d);
    assertNull(receiver.calls.get(0).type());
    assertEquals("", receiver.calls.get(0).body());
  }

  @Test
  void aWaitingNotificationCoalescesRepeatedChangesOfTheSameResource() {
    subscribe("DiagnosticReport", null);
    SubscriptionDelivery d = delivery();
    String id = finalReport("Patient/p1");
    // the ImagingStudy projection fires version 0 once per stored instance
    for (int i = 0; i < 200; i++) {
      d.changed(new FhirResourceChanged("DiagnosticReport", id, 0, false));
    }
    assertEquals(1, outbox.entries.size());
    runDue(d);
    d.changed(new FhirResourceChanged("DiagnosticReport", id, 0, false));
    assertEquals(2, outbox.entries.size(), "after delivery a new change is a new notification");
  }

  @Test
  void aDownReceiverIsRetriedWithBackoffAndGetsTheNotificationWhenBack() {
    subscribe("DiagnosticReport?status=final", "application/fhir+json");
    SubscriptionDelivery d = delivery();
    String id = finalReport("Patient/p1");
    d.changed(new FhirResourceChanged("DiagnosticReport", id, 1, true));
    receiver.up = false;
    Instant t0 = clock.now;
    assertEquals(1, runDue(d));
    assertEquals(0, runDue(d), "not due before the backoff");
    clock.now = t0.plusSeconds(1);
    assertEquals(1, runDue(d));
    clock.now = clock.now.plusSeconds(1);
    assertEquals(0, runDue(d), "the second delay is 2 s");
    clock.now = clock.now.plusSeconds(1);
    receiver.up = true;
    assertEquals(1, runDue(d));
    assertEquals(1, receiver.calls.size());
    List<DeliveryAttempt> log = outbox.attempts(subscriptions.activeFor("DiagnosticReport").get(0)
        .getIdElement().getIdPart(), 10);
    assertEquals(List.of("delivered", "retry", "retry"),
        log.stream().map(DeliveryAttempt::outcome).toList());
    assertTrue(log.get(1).error().contains("Connection refused"));
    assertEquals(t0.plusSeconds(3), log.get(1).nextAttemptAt());
  }

  @Test
  void givingUpMarksTheSubscriptionErrorWithTheReason() {
    Subscription s = subscribe("DiagnosticReport", null);
    SubscriptionDelivery d = delivery();
    d.changed(new FhirResourceChanged("DiagnosticReport", finalReport("Patient/p1"), 1, true));
    receiver.status = 500;
    for (int i = 0; i < 5; i++) {
      runDue(d);
      clock.now = clock.now.plusSeconds(60);
    }
    Subscription after = subscriptions.read(s.getIdElement().getIdPart());
    assertEquals(SubscriptionStatus.ERROR, after.getStatus());
    assertTrue(after.getError().contains("failed 5 times; last: HTTP 500"), after.getError());
    assertEquals(OutboxEntry.State.FAILED, outbox.entries.values().iterator().next().state());
    assertEquals(0, d.changed(new FhirResourceChanged("DiagnosticReport",
        finalReport("Patient/p1"), 1, true)), "an error subscription gets no new notifications");
  }

  @Test
  void aSubscriptionSwitchedOffCancelsWhatIsWaiting() {
    Subscription s = subscribe("DiagnosticReport", null);
    SubscriptionDelivery d = delivery();
    d.changed(new FhirResourceChanged("DiagnosticReport", finalReport("Patient/p1"), 1, true));
    s.setStatus(SubscriptionStatus.OFF);
    subscriptions.update(s.getIdElement().getIdPart(), null, s);
    runDue(d);
    assertEquals(0, receiver.calls.size());
    assertEquals(OutboxEntry.State.CANCELLED, outbox.entries.values().iterator().next().state());
  }

  @Test
  void aDeliveryCutOffByAStopIsSentAfterRecovery() {
    subscribe("DiagnosticReport", "application/fhir+json");
    SubscriptionDelivery before = delivery();
    before.changed(new FhirResourceChanged("DiagnosticReport", finalReport("Patient/p1"), 1, true));
    assertEquals(1, before.claimDue(10).size()); // claimed, then the server stops
    SubscriptionDelivery after = delivery(); // the restarted server, same outbox
    assertEquals(0, runDue(after));
    assertEquals(1, outbox.recover());
    assertEquals(1, runDue(after));
    assertEquals(1, receiver.calls.size());
    assertEquals(Optional.of(OutboxEntry.State.DELIVERED),
        outbox.entries.values().stream().map(OutboxEntry::state).findFirst());
  }
}
