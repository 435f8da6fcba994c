package org.vetpacs.fhir.service;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.method.ResponsePage;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * A search result that HAPI pages through ({@code _count}, {@code next} links through its paging
 * provider): the count is asked once, each page is read from the store when HAPI asks for it, and
 * the page's {@code _include}/{@code _revinclude} resources are added with search mode {@code
 * include}.
 */
public final class PagedSearch implements IBundleProvider {

  private final LongSupplier count;
  private final BiFunction<Integer, Integer, List<? extends IBaseResource>> page;
  private final Function<List<IBaseResource>, List<IBaseResource>> includes;
  private final InstantType published = InstantType.now();
  private Integer size;

  /**
   * A search.
   *
   * @param count how many match
   * @param page (offset, limit) to the matches
   * @param includes the page to the resources it includes (may be empty)
   */
  public PagedSearch(LongSupplier count,
      BiFunction<Integer, Integer, List<? extends IBaseResource>> page,
      Function<List<IBaseResource>, List<IBaseResource>> includes) {
    this.count = count;
    this.page = page;
    this.includes = includes;
  }

  @Override
  public IPrimitiveType<Date> getPublished() {
    return published;
  }

  @Override
  public List<IBaseResource> getResources(int from, int to) {
    return getResources(from, to, new ResponsePage.ResponsePageBuilder());
  }

  @Override
  public List<IBaseResource> getResources(int from, int to,
      ResponsePage.ResponsePageBuilder builder) {
    int limit = Math.max(0, to - from);
    List<IBaseResource> out = new ArrayList<>();
    if (limit > 0) {
      for (IBaseResource r : page.apply(from, limit)) {
        ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put((IAnyResource) r,
            BundleEntrySearchModeEnum.MATCH);
        out.add(r);
      }
    }
    int matches = out.size();
    List<IBaseResource> included = includes.apply(List.copyOf(out));
    for (IBaseResource r : included) {
      ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put((IAnyResource) r,
          BundleEntrySearchModeEnum.INCLUDE);
    }
    out.addAll(included);
    builder.setTotalRequestedResourcesFetched(matches);
    builder.setIncludedResourceCount(included.size());
    return out;
  }

  @Override
  public String getUuid() {
    return null;
  }

  @Override
  public Integer preferredPageSize() {
    return null;
  }

  @Override
  public synchronized Integer size() {
    if (size == null) {
      size = (int) Math.min(Integer.MAX_VALUE, count.getAsLong());
    }
    return size;
  }
}
