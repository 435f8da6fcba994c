package org.vetpacs.dicomweb.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.index.InstanceRecord;
import org.vetpacs.dicomweb.ingest.InstanceStored;
import org.vetpacs.dicomweb.ingest.StudyIndexer;

/**
 * Applies IOCM rejection notes (IHE RAD TF IOCM; PS3.3 C.17.6): when a Key Object Selection
 * document titled with a {@link RejectionReason} is stored (STOW-RS or C-STORE: it observes
 * {@link InstanceStored}, fired by the one ingest pipeline), every instance it references becomes
 * {@link InstanceRecord#REJECTED}. Every face selects {@code STORED} records only, so they vanish
 * from QIDO-RS, C-FIND, WADO-RS, WADO-URI, C-MOVE and C-GET; the series and study are recounted
 * (and disappear if nothing is left). The note itself stays stored and visible, and the rejected
 * blobs are kept (a DELETE purges them).
 *
 * <p>An instance the note names but the archive has not received gets a tombstone record in state
 * {@code REJECTED} without a blob, so that it stays hidden when it arrives later; a re-send of a
 * rejected instance is refused by the store pipeline (see {@code StoreService}).
 *
 * <p>The observer is synchronous: the STOW-RS response or C-STORE-RSP of the note is sent after
 * the rejection took effect. A failure here is logged; the note stays stored.
 */
@ApplicationScoped
public class RejectionService {

  private static final Logger LOG = Logger.getLogger(RejectionService.class.getName());

  private IndexRepository index;
  private StudyIndexer studyIndexer;
  private Event<InstancesRejected> rejected;

  protected RejectionService() {}

  @Inject
  public RejectionService(
      IndexRepository index, StudyIndexer studyIndexer, Event<InstancesRejected> rejected) {
    this.index = index;
    this.studyIndexer = studyIndexer;
    this.rejected = rejected;
  }

  /** Reacts to every stored instance; only rejection notes do anything. */
  void onStored(@Observes InstanceStored stored) {
    if (!RejectionNote.KEY_OBJECT_SELECTION.equals(stored.sopClassUid())) {
      return;
    }
    try {
      Optional<RejectionNote> note =
          index
              .findInstance(stored.sopInstanceUid())
              .flatMap(r -> RejectionNote.fromDicomJson(r.getMetadata()));
      note.ifPresent(this::apply);
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Rejection note " + stored.sopInstanceUid() + " is stored but could not be applied",
          e);
    }
  }

  /**
   * Hides the instances a rejection note references.
   *
   * @return the SOP Instance UIDs now rejected (already rejected ones are not counted again)
   */
  public List<String> apply(RejectionNote note) {
    Map<String, Set<String>> seriesByStudy = new LinkedHashMap<>();
    Map<String, List<String>> rejectedByStudy = new LinkedHashMap<>();
    for (RejectionNote.Reference wanted : note.rejected()) {
      RejectionNote.Reference ref = reject(note, wanted);
      if (ref != null) {
        seriesByStudy
            .computeIfAbsent(ref.studyInstanceUid(), k -> new LinkedHashSet<>())
            .add(ref.seriesInstanceUid());
        rejectedByStudy
            .computeIfAbsent(ref.studyInstanceUid(), k -> new ArrayList<>())
            .add(ref.sopInstanceUid());
      }
    }
    List<String> all = new ArrayList<>();
    for (Map.Entry<String, Set<String>> study : seriesByStudy.entrySet()) {
      studyIndexer.recount(study.getKey(), study.getValue());
      List<String> uids = rejectedByStudy.get(study.getKey());
      all.addAll(uids);
      // Audit: UIDs and the coded reason only, never the animal's or owner's name.
      LOG.info(
          () ->
              "IOCM rejection note "
                  + note.sopInstanceUid()
                  + " ("
                  + note.reason().codeValue()
                  + " "
                  + note.reason().codeMeaning()
                  + ") rejected "
                  + uids.size()
                  + " instance(s) of study "
                  + study.getKey());
      rejected.fire(
          new InstancesRejected(note.sopInstanceUid(), note.reason(), study.getKey(), uids));
    }
    return all;
  }

  /**
   * Marks one referenced instance rejected.
   *
   * @return where the rejected record is indexed, or null if there was nothing to change
   */
  private RejectionNote.Reference reject(RejectionNote note, RejectionNote.Reference ref) {
    InstanceRecord record = index.findInstance(ref.sopInstanceUid()).orElse(null);
    if (record == null) {
      InstanceRecord tombstone = new InstanceRecord();
      tombstone.setSopInstanceUid(ref.sopInstanceUid());
      tombstone.setStudyInstanceUid(ref.studyInstanceUid());
      tombstone.setSeriesInstanceUid(ref.seriesInstanceUid());
      tombstone.setSopClassUid(ref.sopClassUid());
      tombstone.setStatus(InstanceRecord.REJECTED);
      tombstone.setRejectedBy(note.sopInstanceUid());
      tombstone.setRejectionCode(note.reason().codeValue());
      tombstone.setStoredAt(Instant.now().toString());
      tombstone.setSource("IOCM:" + note.sopInstanceUid());
      if (index.reserve(tombstone)) {
        return ref;
      }
      record = index.findInstance(ref.sopInstanceUid()).orElse(null); // stored meanwhile
      if (record == null) {
        return null;
      }
    }
    if (!InstanceRecord.STORED.equals(record.getStatus())) {
      // already rejected or being deleted; a PENDING store in progress is left to finish (rare:
      // the note and its instance racing each other), a later note or DELETE handles it.
      return null;
    }
    if (!record.getStudyInstanceUid().equals(ref.studyInstanceUid())
        || !record.getSeriesInstanceUid().equals(ref.seriesInstanceUid())) {
      LOG.warning(
          () ->
              "Rejection note "
                  + note.sopInstanceUid()
                  + " references instance "
                  + ref.sopInstanceUid()
                  + " under another study/series than it is stored in; rejected all the same");
    }
    record.setStatus(InstanceRecord.REJECTED);
    record.setRejectedBy(note.sopInstanceUid());
    record.setRejectionCode(note.reason().codeValue());
    index.update(record);
    return new RejectionNote.Reference(
        record.getStudyInstanceUid(),
        record.getSeriesInstanceUid(),
        record.getSopClassUid(),
        record.getSopInstanceUid());
  }
}
