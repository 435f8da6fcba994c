package org.vetpacs.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.vetpacs.model.fhir.ConformanceResources;

/**
 * Our profiles, search parameters, code systems and value sets as a FHIR NPM package (the form
 * FHIR implementation guides are distributed in: {@code package/package.json}, {@code
 * package/.index.json} and one JSON file per resource, in a gzipped tar; FHIR "NPM Package
 * Specification", confluence.hl7.org/display/FHIR/NPM+Package+Specification), and a readable
 * Markdown page per profile. Deterministic: the same resources give the same bytes (sorted
 * entries, fixed modification time), so the package can be compared and cached.
 */
public final class FhirPackage {

  /** The package name. */
  public static final String NAME = "vetpacs.fhir.r4";

  /** The package version (the project's). */
  public static final String VERSION = "0.1.0";

  private static final Date FIXED_TIME = new Date(1_767_225_600_000L); // 2026-01-01T00:00:00Z

  private final FhirContext ctx;
  private final ConformanceResources resources;

  /**
   * Creates the builder.
   *
   * @param ctx the R4 context
   * @param resources what is published
   */
  public FhirPackage(FhirContext ctx, ConformanceResources resources) {
    this.ctx = ctx;
    this.resources = resources;
  }

  private List<MetadataResource> all() {
    List<MetadataResource> all = new ArrayList<>();
    all.addAll(resources.structureDefinitions());
    all.addAll(resources.searchParameters());
    all.addAll(resources.codeSystems());
    all.addAll(resources.valueSets());
    return all;
  }

  /** The files of the package, by path inside the archive, sorted. */
  public Map<String, byte[]> files() {
    Map<String, byte[]> files = new TreeMap<>();
    StringBuilder index = new StringBuilder("{\n  \"index-version\": 1,\n  \"files\": [");
    Map<String, MetadataResource> byFile = new TreeMap<>();
    for (MetadataResource r : all()) {
      byFile.put(r.fhirType() + "-" + r.getIdElement().getIdPart() + ".json", r);
    }
    boolean first = true;
    for (Map.Entry<String, MetadataResource> e : byFile.entrySet()) {
      MetadataResource r = e.getValue();
      files.put("package/" + e.getKey(), ctx.newJsonParser().setPrettyPrint(true)
          .encodeResourceToString(r).getBytes(StandardCharsets.UTF_8));
      index.append(first ? "\n" : ",\n").append("    {\"filename\": \"").append(e.getKey())
          .append("\", \"resourceType\": \"").append(r.fhirType())
          .append("\", \"id\": \"").append(r.getIdElement().getIdPart())
          .append("\", \"url\": \"").append(r.getUrl())
          .append("\", \"version\": \"").append(r.hasVersion() ? r.getVersion() : VERSION)
          .append("\"}");
      first = false;
    }
    index.append("\n  ]\n}\n");
    files.put("package/.index.json", index.toString().getBytes(StandardCharsets.UTF_8));
    String packageJson = """
        {
          "name": "%s",
          "version": "%s",
          "description": "VetPACS FHIR R4 profiles, extensions, search parameters and terminology for veterinary imaging",
          "canonical": "https://vetpacs.org/fhir",
          "fhirVersions": ["4.0.1"],
          "type": "fhir.ig",
          "license": "CC0-1.0",
          "dependencies": {
            "hl7.fhir.r4.core": "4.0.1"
          }
        }
        """.formatted(NAME, VERSION);
    files.put("package/package.json", packageJson.getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /**
   * The package as {@code package.tgz}.
   *
   * @param out where to write it
   */
  public void writeTgz(OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out);
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> file : files().entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        entry.setModTime(FIXED_TIME);
        entry.setMode(0644);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }

  /** The package as bytes. */
  public byte[] tgz() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeTgz(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The ids of the profiles, for which {@link #profilePage} writes a page. */
  public List<String> profileIds() {
    return resources.structureDefinitions().stream()
        .map(sd -> sd.getIdElement().getIdPart()).sorted().toList();
  }

  /**
   * A readable page of one profile: what it constrains, and per element of its differential the
   * cardinality, types (with profiles of extensions), binding and short description.
   *
   * @param id the profile id (e.g. {@code vet-patient})
   * @return Markdown, or null when there is no such profile
   */
  public String profilePage(String id) {
    StructureDefinition sd = resources.structureDefinitions().stream()
        .filter(s -> s.getIdElement().getIdPart().equals(id)).findFirst().orElse(null);
    if (sd == null) {
      return null;
    }
    StringBuilder md = new StringBuilder();
    md.append("# ").append(sd.hasTitle() ? sd.getTitle() : sd.getName()).append("\n\n");
    md.append("- URL: `").append(sd.getUrl()).append("`\n");
    md.append("- Constrains: `").append(sd.getBaseDefinition()).append("` (").append(sd.getType())
        .append(")\n");
    md.append("- Package: `").append(NAME).append("#").append(VERSION).append("`\n\n");
    if (sd.hasDescription()) {
      md.append(sd.getDescription().strip()).append("\n\n");
    }
    md.append("| Element | Card. | Type | Binding | Description |\n| --- | --- | --- | --- | --- |\n");
    for (ElementDefinition e : sd.getDifferential().getElement()) {
      String card = (e.hasMin() ? Integer.toString(e.getMin()) : "")
          + (e.hasMin() || e.hasMax() ? ".." : "") + (e.hasMax() ? e.getMax() : "");
      List<String> types = new ArrayList<>();
      for (ElementDefinition.TypeRefComponent t : e.getType()) {
        String profiles = t.getProfile().isEmpty() ? ""
            : " (" + String.join(", ", t.getProfile().stream().map(p -> p.getValue()).toList())
                + ")";
        String targets = t.getTargetProfile().isEmpty() ? ""
            : " -> " + String.join(", ", t.getTargetProfile().stream()
                .map(p -> p.getValue().replace("http://hl7.org/fhir/StructureDefinition/", ""))
                .toList());
        types.add(t.getCode() + profiles + targets);
      }
      String binding = e.hasBinding() && e.getBinding().hasValueSet()
          ? e.getBinding().getStrength().toCode() + ": `" + e.getBinding().getValueSet() + "`" : "";
      String path = e.getPath() + (e.hasSliceName() ? ":" + e.getSliceName() : "");
      md.append("| `").append(path).append("` | ").append(card).append(" | ")
          .append(String.join("<br>", types)).append(" | ").append(binding).append(" | ")
          .append(e.hasShort() ? e.getShort().replace("|", "/") : "").append(" |\n");
    }
    return md.toString();
  }

  /**
   * Writes {@code package.tgz} and {@code profiles/<id>.md} into a folder: the conformance
   * module's build runs this so the published package is an artifact of every build.
   *
   * @param args the output folder
   */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/fhir-package");
    Files.createDirectories(out.resolve("profiles"));
    FhirContext ctx = FhirContext.forR4Cached();
    FhirPackage pkg = new FhirPackage(ctx, new ConformanceResources(ctx));
    try (OutputStream o = Files.newOutputStream(out.resolve("package.tgz"))) {
      pkg.writeTgz(o);
    }
    for (String id : pkg.profileIds()) {
      Files.writeString(out.resolve("profiles").resolve(id + ".md"), pkg.profilePage(id));
    }
  }
}
