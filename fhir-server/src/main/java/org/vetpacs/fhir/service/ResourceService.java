package org.vetpacs.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * What every stored resource type shares: ids, versions ({@code meta.versionId}, {@code
 * lastUpdated}, vread, history, {@code If-Match}), validation against our profile before anything
 * is stored, conditional create, and search over the store. Subclasses add their search keys and
 * rules ({@link #index}, {@link #beforeCreate}, {@link #beforeUpdate}).
 *
 * @param <T> the resource type
 */
public abstract class ResourceService<T extends DomainResource> {

  protected final FhirContext ctx;
  protected final FhirResourceStore store;
  protected final FhirValidation validation;

  /**
   * Creates the service.
   *
   * @param ctx the R4 context
   * @param store the store
   * @param validation the validator, or {@code null} to skip validation (tests of rules only)
   */
  protected ResourceService(FhirContext ctx, FhirResourceStore store, FhirValidation validation) {
    this.ctx = ctx;
    this.store = store;
    this.validation = validation;
  }

  /** The resource class. */
  protected abstract Class<T> type();

  /** Our profile's canonical URL, written in {@code meta.profile}; {@code null} for none. */
  protected abstract String profile();

  /** Adds the search keys of a resource. */
  protected abstract void index(T resource, SearchKeys keys);

  /** The value of the type's date parameter, or {@code null}. */
  protected Date dateOf(T resource) {
    return null;
  }

  /** Rules on create (may change the resource, e.g. assign an accession number). */
  protected void beforeCreate(T resource) {}

  /** Rules on update (e.g. status transitions). */
  protected void beforeUpdate(T current, T updated) {}

  /**
   * The resource type name.
   *
   * @return e.g. {@code Patient}
   */
  public String typeName() {
    return ctx.getResourceType(type());
  }

  /**
   * The result of a create.
   *
   * @param resource the stored (or, for a conditional create, existing) resource
   * @param created false when a conditional create found the resource
   * @param <T> the type
   */
  public record Saved<T>(T resource, boolean created) {}

  /**
   * Creates a resource.
   *
   * @param resource the resource
   * @param ifNoneExist the {@code If-None-Exist} search ({@code identifier=system|value}), or
   *     {@code null}
   * @return the stored resource
   */
  public Saved<T> create(T resource, String ifNoneExist) {
    if (ifNoneExist != null && !ifNoneExist.isBlank()) {
      List<T> existing = conditionalMatches(ifNoneExist);
      if (existing.size() == 1) {
        return new Saved<>(existing.get(0), false);
      }
      if (existing.size() > 1) {
        throw new PreconditionFailedException(
            "If-None-Exist matches " + existing.size() + " resources");
      }
    }
    String id = UUID.randomUUID().toString();
    prepare(resource, id, 1);
    beforeCreate(resource);
    validate(resource);
    StoredResource stored = toStored(resource, id, 1);
    try {
      store.create(stored);
    } catch (FhirResourceStore.ConcurrentVersionException e) {
      throw new ResourceVersionConflictException(typeName() + "/" + id + " exists");
    }
    return new Saved<>(resource, true);
  }

  /**
   * Creates a resource the server itself derived, without validation (see the caller for why).
   *
   * @param resource the resource
   * @return the stored resource
   */
  protected Saved<T> createUnvalidated(T resource) {
    String id = UUID.randomUUID().toString();
    prepare(resource, id, 1);
    store.create(toStored(resource, id, 1));
    return new Saved<>(resource, true);
  }

  /**
   * Replaces a resource with a new version.
   *
   * @param id the id
   * @param expectedVersion the version the client read ({@code If-Match}), or {@code null}
   * @param resource the new content
   * @return the stored version
   */
  public T update(String id, String expectedVersion, T resource) {
    StoredResource current = store.read(typeName(), id)
        .orElseThrow(() -> new ResourceNotFoundException(new IdType(typeName(), id)));
    if (expectedVersion != null && !expectedVersion.isBlank()
        && !expectedVersion.equals(Long.toString(current.version()))) {
      throw new PreconditionFailedException("If-Match version " + expectedVersion
          + " is not the current version " + current.version() + " of " + typeName() + "/" + id);
    }
    long version = current.version() + 1;
    T old = parse(current);
    prepare(resource, id, version);
    beforeUpdate(old, resource);
    validate(resource);
    try {
      store.update(toStored(resource, id, version));
    } catch (FhirResourceStore.ConcurrentVersionException e) {
      throw new ResourceVersionConflictException(
          typeName() + "/" + id + " was changed concurrently; read it again");
    }
    return resource;
  }

  /**
   * Stores a new version written by the server itself (e.g. an order completed by a study),
   * validated like any other.
   *
   * @param id the id
   * @param resource the new content
   * @return the stored version
   */
  protected T systemUpdate(String id, T resource) {
    StoredResource current = store.read(typeName(), id).orElseThrow();
    long version = current.version() + 1;
    prepare(resource, id, version);
    store.update(toStored(resource, id, version));
    return resource;
  }

  /**
   * The current version.
   *
   * @param id the id
   * @return the resource
   * @throws ResourceNotFoundException (404) when unknown
   */
  public T read(String id) {
    return store.read(typeName(), id).map(this::parse)
        .orElseThrow(() -> new ResourceNotFoundException(new IdType(typeName(), id)));
  }

  /**
   * One version.
   *
   * @param id the id
   * @param version the version
   * @return the resource
   */
  public T vread(String id, String version) {
    long v;
    try {
      v = Long.parseLong(version);
    } catch (NumberFormatException e) {
      throw new ResourceNotFoundException(new IdType(typeName(), id, version));
    }
    return store.readVersion(typeName(), id, v).map(this::parse)
        .orElseThrow(() -> new ResourceNotFoundException(new IdType(typeName(), id, version)));
  }

  /**
   * All versions, newest first.
   *
   * @param id the id
   * @return the versions
   */
  public List<T> history(String id) {
    List<T> versions = store.history(typeName(), id).stream().map(this::parse).toList();
    if (versions.isEmpty()) {
      throw new ResourceNotFoundException(new IdType(typeName(), id));
    }
    return versions;
  }

  /**
   * Searches the store.
   *
   * @param query the query
   * @param includes what the page includes
   * @return the paged result
   */
  public PagedSearch search(StoreQuery query, IncludeResolver.Request includes) {
    return new PagedSearch(() -> store.count(query),
        (offset, limit) -> store.search(query, offset, limit).stream().map(this::parse).toList(),
        page -> includes == null ? List.of() : includes.resolve(page));
  }

  /**
   * Finds resources by identifier (all of the type's searches support it).
   *
   * @param system the system or {@code null} for any
   * @param value the value
   * @return the current versions
   */
  public List<T> findByIdentifier(String system, String value) {
    String key = system == null ? "identifier:code=" + value
        : SearchKeys.tokenKey("identifier", system, value);
    StoreQuery q = new StoreQuery.Builder(typeName())
        .and(new StoreQuery.AnyKey(Set.of(key))).build();
    return store.search(q, 0, 100).stream().map(this::parse).toList();
  }

  /** {@code If-None-Exist}: {@code identifier=[system|]value} or {@code _id=...}. */
  private List<T> conditionalMatches(String condition) {
    String c = condition.contains("?") ? condition.substring(condition.indexOf('?') + 1) : condition;
    String decoded = java.net.URLDecoder.decode(c, java.nio.charset.StandardCharsets.UTF_8);
    if (decoded.contains("&")) {
      throw new InvalidRequestException("If-None-Exist supports one parameter: identifier or _id");
    }
    int eq = decoded.indexOf('=');
    String name = eq < 0 ? "" : decoded.substring(0, eq);
    String value = eq < 0 ? "" : decoded.substring(eq + 1);
    if (name.equals("_id")) {
      return store.read(typeName(), value).map(this::parse).stream().toList();
    }
    if (!name.equals("identifier") || value.isEmpty()) {
      throw new InvalidRequestException(
          "If-None-Exist supports identifier=[system|]value and _id, not: " + condition);
    }
    int bar = value.indexOf('|');
    return bar < 0 ? findByIdentifier(null, value)
        : findByIdentifier(value.substring(0, bar), value.substring(bar + 1));
  }

  private void prepare(T resource, String id, long version) {
    resource.setId(new IdType(typeName(), id, Long.toString(version)));
    resource.getMeta().setVersionId(Long.toString(version));
    resource.getMeta().setLastUpdated(Date.from(Instant.now()));
    if (profile() != null && !resource.getMeta().hasProfile(profile())) {
      resource.getMeta().addProfile(profile());
    }
  }

  private void validate(T resource) {
    if (validation != null) {
      validation.validate(resource);
    }
  }

  /**
   * The stored form of a resource.
   *
   * @param resource the resource (id and meta set)
   * @param id the id
   * @param version the version
   * @return the stored form
   */
  protected StoredResource toStored(T resource, String id, long version) {
    SearchKeys keys = new SearchKeys();
    resource.getMeta().getProfile().forEach(p -> keys.token("_profile", null, p.getValue()));
    index(resource, keys);
    return new StoredResource(typeName(), id, version,
        resource.getMeta().getLastUpdated().toInstant(),
        ctx.newJsonParser().encodeResourceToString(resource),
        List.copyOf(keys.keys()),
        SearchKeys.instant(dateOf(resource)));
  }

  /**
   * Parses a stored version, setting the versioned id (HAPI's ETag and Location come from it).
   *
   * @param stored the stored version
   * @return the resource
   */
  protected T parse(StoredResource stored) {
    T r = ctx.newJsonParser().parseResource(type(), stored.json());
    r.setId(new IdType(stored.type(), stored.id(), Long.toString(stored.version())));
    return r;
  }
}
