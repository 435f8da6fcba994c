package org.vetpacs.fhir.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.vetpacs.dicomweb.dicom.DicomDataset;
import org.vetpacs.dicomweb.dicom.InstanceHeader;
import org.vetpacs.dicomweb.ingest.HeaderCoercion;
import org.vetpacs.fhir.service.ReconciliationService;

/**
 * The workflow's answer to the archive's {@link HeaderCoercion} question: a study matched to an
 * order or a registered animal is stored with that animal's header values (ARCHITECTURE.md, the
 * life of an instance, step 3). The archive consults it through CDI and knows nothing of FHIR.
 */
@ApplicationScoped
public class WorkflowCoercion implements HeaderCoercion {

  @Inject ReconciliationService reconciliation;

  @Override
  public Optional<DicomDataset> coerce(InstanceHeader header, String source) {
    return reconciliation.coerce(header);
  }
}
