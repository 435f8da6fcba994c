package org.vetpacs.fhir.web;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.mongodb.client.model.Filters;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.conversions.Bson;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.vetpacs.fhir.service.ImagingStudyService;
import org.vetpacs.fhir.service.IncludeResolver;
import org.vetpacs.model.fhir.VetFhir;

/** {@code /fhir/ImagingStudy}: read-only, derived from the DICOM index. */
public class ImagingStudyResourceProvider implements IResourceProvider {

  private final ImagingStudyService studies;
  private final IncludeResolver includes;

  ImagingStudyResourceProvider(ImagingStudyService studies, IncludeResolver includes) {
    this.studies = studies;
    this.includes = includes;
  }

  @Override
  public Class<ImagingStudy> getResourceType() {
    return ImagingStudy.class;
  }

  @Read
  public ImagingStudy read(@IdParam IdType id) {
    return studies.read(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenOrListParam ids,
      @OptionalParam(name = ImagingStudy.SP_PATIENT, targetTypes = Patient.class)
          ReferenceOrListParam patient,
      @OptionalParam(name = ImagingStudy.SP_SUBJECT, targetTypes = Patient.class)
          ReferenceOrListParam subject,
      @OptionalParam(name = ImagingStudy.SP_IDENTIFIER) TokenOrListParam identifier,
      @OptionalParam(name = ImagingStudy.SP_STARTED) DateRangeParam started,
      @OptionalParam(name = ImagingStudy.SP_MODALITY) TokenOrListParam modality,
      @OptionalParam(name = ImagingStudy.SP_BASEDON, targetTypes = ServiceRequest.class)
          ReferenceOrListParam basedOn,
      @Description(shortDefinition = "Body Part Examined (0018,0015) of a series, e.g. CHEST; "
          + "the code of a token, case-insensitive")
          @OptionalParam(name = ImagingStudy.SP_BODYSITE) TokenOrListParam bodySite,
      @Sort SortSpec sort,
      @IncludeParam(allow = {"ImagingStudy:subject", "ImagingStudy:patient",
          "ImagingStudy:basedon"}) Set<Include> include,
      @IncludeParam(reverse = true, allow = {"DiagnosticReport:imaging-study"})
          Set<Include> revInclude) {
    List<Bson> all = new ArrayList<>();
    if (ids != null) {
      all.add(Filters.in("_id", ids.getValuesAsQueryTokens().stream()
          .map(TokenParam::getValue).toList()));
    }
    for (ReferenceOrListParam refs : new ReferenceOrListParam[] {patient, subject}) {
      if (refs != null) {
        all.add(Filters.or(refs.getValuesAsQueryTokens().stream()
            .map(r -> studies.patientFilter(id(r, "Patient"))).toList()));
      }
    }
    if (basedOn != null) {
      all.add(Filters.or(basedOn.getValuesAsQueryTokens().stream()
          .map(r -> studies.basedOnFilter(id(r, "ServiceRequest"))).toList()));
    }
    if (identifier != null) {
      List<Bson> any = new ArrayList<>();
      for (TokenParam t : identifier.getValuesAsQueryTokens()) {
        String v = t.getValue() == null ? "" : t.getValue();
        if (v.startsWith(VetFhir.URN_OID)) {
          any.add(Filters.eq("_id", v.substring(VetFhir.URN_OID.length())));
        } else if (t.getSystem() == null) {
          any.add(Filters.eq("accessionNumber", v));
          any.add(Filters.eq("_id", v));
        } else {
          any.add(Filters.eq("accessionNumber", v));
        }
      }
      all.add(Filters.or(any));
    }
    if (started != null && !started.isEmpty()) {
      SimpleDateFormat da = new SimpleDateFormat("yyyyMMdd");
      Date lo = started.getLowerBoundAsInstant();
      Date hi = started.getUpperBoundAsInstant();
      if (lo != null) {
        all.add(Filters.gte("studyDate", da.format(lo)));
      }
      if (hi != null) {
        all.add(Filters.lte("studyDate", da.format(hi)));
      }
    }
    if (modality != null) {
      all.add(Filters.in("modalitiesInStudy", modality.getValuesAsQueryTokens().stream()
          .map(TokenParam::getValue).toList()));
    }
    if (bodySite != null) {
      all.add(studies.bodySiteFilter(bodySite.getValuesAsQueryTokens().stream()
          .map(TokenParam::getValue).toList()));
    }
    boolean ascending = false;
    if (sort != null) {
      if (!ImagingStudy.SP_STARTED.equals(sort.getParamName()) || sort.getChain() != null) {
        throw new InvalidRequestException("_sort supports started");
      }
      ascending = sort.getOrder() != SortOrderEnum.DESC;
    }
    Bson filter = all.isEmpty() ? Filters.empty() : Filters.and(all);
    return studies.search(filter, ascending, includes.request(include, revInclude));
  }

  private static String id(ReferenceParam r, String type) {
    String rel = SearchParams.relative(r, type);
    if (!rel.startsWith(type + "/")) {
      throw new InvalidRequestException("Expected a reference to " + type + ": " + r.getValue());
    }
    return rel.substring(type.length() + 1);
  }
}
