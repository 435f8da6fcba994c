package org.vetpacs.fhir.web;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MetadataResource;

/**
 * Read-only publication of our conformance resources of one type (StructureDefinition,
 * CodeSystem, ValueSet, SearchParameter): read by id, search by {@code url}.
 *
 * @param <T> the resource type
 */
public class ConformanceResourceProvider<T extends MetadataResource> implements IResourceProvider {

  private final Class<T> type;
  private final List<T> resources;

  ConformanceResourceProvider(Class<T> type, List<T> resources) {
    this.type = type;
    this.resources = resources;
  }

  @Override
  public Class<T> getResourceType() {
    return type;
  }

  @Read
  public MetadataResource read(@IdParam IdType id) {
    return resources.stream().filter(r -> id.getIdPart().equals(r.getIdElement().getIdPart()))
        .findFirst().orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Search
  public List<MetadataResource> search(@OptionalParam(name = "url") UriParam url) {
    return resources.stream()
        .filter(r -> url == null || url.getValue().equals(r.getUrl()))
        .map(MetadataResource.class::cast)
        .toList();
  }
}
