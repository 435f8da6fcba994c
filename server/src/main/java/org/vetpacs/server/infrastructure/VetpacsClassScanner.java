package org.vetpacs.server.infrastructure;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.DataRepository;
import jakarta.data.repository.Repository;
import jakarta.nosql.Embeddable;
import jakarta.nosql.Entity;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.jnosql.mapping.metadata.ClassScanner;

/**
 * JNoSQL's {@link ClassScanner}, limited to our own packages ({@code org.vetpacs}).
 *
 * <p>Why: JNoSQL takes the first {@code ClassScanner} that {@link java.util.ServiceLoader} finds;
 * its own scans every class of every jar of the WAR (118 MB, HAPI FHIR and friends) with all
 * ClassGraph info enabled and holds the class graph in memory while it does. That scan was the
 * peak of the server's resident memory (a 512 MiB heap failed the deployment with
 * OutOfMemoryError inside it) and ~12 s of its start-up (issue #8). Our entities are all in
 * {@code org.vetpacs}, so that is all this scans. It is registered in {@code WEB-INF/classes}
 * ({@code META-INF/services}), which the web application's class loader searches before the
 * jars, so it is the one found first; if it were not, JNoSQL's own would be used, which finds the
 * same classes.
 *
 * <p>Repositories: the project uses templates, not {@code @Repository} interfaces; any that are
 * added under {@code org.vetpacs} are found like JNoSQL finds them (interfaces annotated {@link
 * Repository}, extending {@link DataRepository} or not).
 */
public final class VetpacsClassScanner implements ClassScanner {

  private static final Logger LOG = Logger.getLogger(VetpacsClassScanner.class.getName());
  private static final String PACKAGE = "org.vetpacs";

  private final Set<Class<?>> entities;
  private final Set<Class<?>> embeddables;
  private final Set<Class<?>> repositories;
  private final Set<Class<?>> customRepositories;

  /** Scans {@code org.vetpacs} once (JNoSQL keeps one instance). */
  public VetpacsClassScanner() {
    long start = System.nanoTime();
    try (ScanResult scan = new ClassGraph().enableClassInfo().enableAnnotationInfo()
        .acceptPackages(PACKAGE).scan()) {
      entities = Set.copyOf(scan.getClassesWithAnnotation(Entity.class).loadClasses());
      embeddables = Set.copyOf(scan.getClassesWithAnnotation(Embeddable.class).loadClasses());
      List<Class<?>> annotated = scan.getClassesWithAnnotation(Repository.class).getInterfaces()
          .loadClasses();
      repositories = annotated.stream().filter(DataRepository.class::isAssignableFrom)
          .collect(Collectors.toUnmodifiableSet());
      customRepositories = annotated.stream()
          .filter(c -> !DataRepository.class.isAssignableFrom(c))
          .collect(Collectors.toUnmodifiableSet());
    }
    LOG.fine(() -> String.format("Scanned %s in %d ms: %d entities, %d embeddables, %d"
            + " repositories", PACKAGE, (System.nanoTime() - start) / 1_000_000,
        entities.size(), embeddables.size(), repositories.size() + customRepositories.size()));
  }

  @Override
  public Set<Class<?>> entities() {
    return entities;
  }

  @Override
  public Set<Class<?>> repositories() {
    return repositories;
  }

  @Override
  public Set<Class<?>> embeddables() {
    return embeddables;
  }

  @Override
  public <T extends DataRepository<?, ?>> Set<Class<?>> repositories(Class<T> filter) {
    Objects.requireNonNull(filter, "filter is required");
    return repositories.stream()
        .filter(c -> Arrays.asList(c.getInterfaces()).contains(filter))
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Set<Class<?>> repositoriesStandard() {
    return repositories.stream()
        .filter(c -> {
          List<Class<?>> interfaces = Arrays.asList(c.getInterfaces());
          return interfaces.contains(CrudRepository.class)
              || interfaces.contains(BasicRepository.class)
              || interfaces.contains(DataRepository.class);
        })
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Set<Class<?>> customRepositories() {
    return customRepositories;
  }
}
