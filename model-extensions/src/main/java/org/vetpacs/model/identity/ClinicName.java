package org.vetpacs.model.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vetpacs.model.animal.Species;

/**
 * An animal's name in the clinic convention: the pet's own name and the owner's family name,
 * written in DICOM as {@code PETNAME^OWNERLASTNAME} (Patient's Name (0010,0010), PN: the "family
 * name" component holds the pet name by the convention veterinary modalities follow, see PS3.3
 * C.7.1.1 note on animal names) and in FHIR as {@code HumanName.given = pet},
 * {@code HumanName.family = owner}.
 *
 * <p>{@link #parse(String, String)} reads the spellings found in practice:
 *
 * <ul>
 *   <li>{@code BAILEY^SMITH}: DICOM PN, pet then owner;
 *   <li>{@code SMITH, Bailey}: a comma puts the owner first;
 *   <li>{@code Bailey Smith}: words, pet first and owner last (or, when the owner is known, the
 *       words that are not the owner's name are the pet's);
 *   <li>{@code Bailey (Dog)} or {@code Bailey [canine]}: a bracketed species hint is dropped;
 *   <li>{@code "Bailey" Smith}: quotes around the call name are dropped.
 * </ul>
 *
 * <p>The {@link #key()} compares names without regard to case, accents, punctuation or spacing.
 *
 * @param petName the animal's name, as given (trimmed), never null, may be empty
 * @param ownerFamily the owner's family name, as given (trimmed), never null, may be empty
 */
public record ClinicName(String petName, String ownerFamily) {

  private static final Pattern BRACKETED = Pattern.compile("[(\\[{]([^)\\]}]*)[)\\]}]");

  /** Trims both parts and replaces {@code null} by empty strings. */
  public ClinicName {
    petName = petName == null ? "" : petName.trim();
    ownerFamily = ownerFamily == null ? "" : ownerFamily.trim();
  }

  /**
   * Reads a name without knowing the owner.
   *
   * @param text the name as written, may be {@code null}
   * @return the name; both parts empty for a blank text
   */
  public static ClinicName parse(String text) {
    return parse(text, null);
  }

  /**
   * Reads a name in any of the spellings above.
   *
   * @param text the name as written, may be {@code null}
   * @param knownOwnerFamily the owner's family name when known from elsewhere (a RelatedPerson,
   *     Responsible Person), used to split free text; may be {@code null}
   * @return the name; both parts empty for a blank text
   */
  public static ClinicName parse(String text, String knownOwnerFamily) {
    if (text == null || text.isBlank()) {
      return new ClinicName("", knownOwnerFamily);
    }
    String t = text.trim();
    if (t.contains("^")) {
      // PN: family^given^middle^prefix^suffix; the convention puts the pet name first.
      String[] components = t.split("\\^", -1);
      String pet = clean(components[0]);
      String owner = components.length > 1 ? clean(components[1]) : "";
      if (owner.isEmpty() && knownOwnerFamily != null) {
        owner = knownOwnerFamily.trim();
      }
      return new ClinicName(pet, owner);
    }
    t = stripSpeciesHints(t);
    if (t.contains(",")) {
      int comma = t.indexOf(',');
      return new ClinicName(clean(t.substring(comma + 1)), clean(t.substring(0, comma)));
    }
    List<String> words = new ArrayList<>(List.of(clean(t).split(" ")));
    words.removeIf(String::isEmpty);
    if (words.isEmpty()) {
      return new ClinicName("", knownOwnerFamily);
    }
    if (knownOwnerFamily != null && !knownOwnerFamily.isBlank()) {
      String ownerKey = fold(knownOwnerFamily);
      List<String> ownerWords = List.of(ownerKey.split(" "));
      // "Bailey Smith" or "Smith Bailey" with owner Smith: what is left is the pet.
      if (words.size() > ownerWords.size()) {
        List<String> head = words.subList(0, ownerWords.size());
        List<String> tail = words.subList(words.size() - ownerWords.size(), words.size());
        if (fold(String.join(" ", tail)).equals(ownerKey)) {
          return new ClinicName(
              String.join(" ", words.subList(0, words.size() - ownerWords.size())),
              String.join(" ", tail));
        }
        if (fold(String.join(" ", head)).equals(ownerKey)) {
          return new ClinicName(
              String.join(" ", words.subList(ownerWords.size(), words.size())),
              String.join(" ", head));
        }
      }
      return new ClinicName(String.join(" ", words), knownOwnerFamily.trim());
    }
    if (words.size() == 1) {
      return new ClinicName(words.get(0), "");
    }
    String owner = words.get(words.size() - 1);
    return new ClinicName(String.join(" ", words.subList(0, words.size() - 1)), owner);
  }

  /**
   * Removes bracketed parts that name a species or say nothing ({@code Bailey (Dog)}, {@code Max
   * [K9]}, {@code Luna ()}); other bracketed text (a nickname) is kept without its brackets.
   */
  static String stripSpeciesHints(String text) {
    Matcher m = BRACKETED.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String inner = m.group(1).trim();
      boolean hint = inner.isEmpty() || Species.fromText(inner).isPresent();
      m.appendReplacement(out, hint ? " " : Matcher.quoteReplacement(" " + inner + " "));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String clean(String part) {
    return part.replace("\"", " ").replace("'", "'").trim().replaceAll("\\s+", " ");
  }

  /**
   * The DICOM Patient's Name, upper case ({@code BAILEY^SMITH}); just the pet name when the owner
   * is unknown.
   *
   * @return the PN value
   */
  public String toDicom() {
    String pet = petName.toUpperCase(Locale.ROOT);
    return ownerFamily.isEmpty() ? pet : pet + "^" + ownerFamily.toUpperCase(Locale.ROOT);
  }

  /**
   * The pet name written for people ({@code Bailey} for {@code BAILEY}); mixed case is kept.
   *
   * @return the display form of the pet name
   */
  public String petDisplay() {
    return display(petName);
  }

  /**
   * The owner's family name written for people.
   *
   * @return the display form of the owner family name
   */
  public String ownerDisplay() {
    return display(ownerFamily);
  }

  /**
   * The comparison key: {@code PET^OWNER} folded (upper case, no accents, punctuation as one
   * space). Two spellings of one name have equal keys.
   *
   * @return the key
   */
  public String key() {
    return fold(petName) + "^" + fold(ownerFamily);
  }

  /**
   * Whether the pet name is empty.
   *
   * @return true when there is no pet name
   */
  public boolean isEmpty() {
    return petName.isEmpty();
  }

  /**
   * Folds a text for comparison: accents removed, upper case, every run of characters other than
   * letters and digits as one space, trimmed.
   *
   * @param text any text, may be {@code null}
   * @return the folded text, empty for {@code null}
   */
  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return decomposed
        .toUpperCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .trim();
  }

  private static String display(String part) {
    if (part.isEmpty() || !part.equals(part.toUpperCase(Locale.ROOT))) {
      return part;
    }
    StringBuilder out = new StringBuilder(part.length());
    boolean start = true;
    for (char c : part.toLowerCase(Locale.ROOT).toCharArray()) {
      out.append(start ? Character.toUpperCase(c) : c);
      start = !Character.isLetter(c) && c != '\'';
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClinicName other && key().equals(other.key());
  }

  @Override
  public int hashCode() {
    return Objects.hash(key());
  }
}
