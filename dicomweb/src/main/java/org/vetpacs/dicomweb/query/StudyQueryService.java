package org.vetpacs.dicomweb.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.vetpacs.dicomweb.index.IndexRepository;
import org.vetpacs.dicomweb.index.StudyRecord;

/** Runs study-level queries against the index. */
@ApplicationScoped
public class StudyQueryService {

  @Inject IndexRepository index;

  /** One page of matching studies, and whether more matched than were returned. */
  public record Page(List<StudyRecord> studies, boolean truncated) {}

  public Page find(StudyQuery query) {
    // Ask for one more than the limit to learn whether the result was cut (PS3.18 10.6.3.2).
    List<StudyRecord> found = index.findStudies(query.filter(), query.offset(), query.limit() + 1);
    boolean truncated = found.size() > query.limit();
    return new Page(truncated ? found.subList(0, query.limit()) : found, truncated);
  }
}
