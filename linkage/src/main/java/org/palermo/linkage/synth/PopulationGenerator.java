package org.palermo.linkage.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.palermo.linkage.Field;
import org.palermo.linkage.LinkageRecord;

/**
 * Generates a synthetic population with known truth (package documentation). Usage: {@code new
 * PopulationGenerator(42).generate(10_000)} for one file to deduplicate, {@code twoFiles(10_000,
 * 0.5)} for two files to match. Seeded and deterministic; the settings have defaults that can be
 * changed before generating.
 */
public final class PopulationGenerator {
  /** The kinds of corruption of a duplicate record, with their relative frequency. */
  public enum Corruption {
    TYPO(20),
    OCR(8),
    PHONETIC(12),
    MISSING_VALUE(12),
    SWAPPED_NAMES(6),
    DAY_MONTH_SWAP(6),
    OTHER_DATE(6),
    ROMANISATION(14),
    SCRIPT_CHANGE(6),
    MOVED(10);

    final int weight;

    Corruption(int weight) {
      this.weight = weight;
    }
  }

  private record Place(String locality, String postcode, String region) {}

  private static final List<Place> PLACES =
      List.of(
          new Place("Palermo", "90100", "Sicilia"),
          new Place("Catania", "95100", "Sicilia"),
          new Place("Agrigento", "92100", "Sicilia"),
          new Place("Lampedusa", "92010", "Sicilia"),
          new Place("Roma", "00100", "Lazio"),
          new Place("Napoli", "80100", "Campania"),
          new Place("Torino", "10100", "Piemonte"),
          new Place("Marseille", "13001", "Provence-Alpes-Côte d'Azur"),
          new Place("Nice", "06000", "Provence-Alpes-Côte d'Azur"),
          new Place("Málaga", "29001", "Andalucía"),
          new Place("Almería", "04001", "Andalucía"),
          new Place("Athina", "10431", "Attiki"));

  private static final List<String> STREETS =
      List.of(
          "Via Roma",
          "Via Garibaldi",
          "Via Maqueda",
          "Corso Vittorio Emanuele",
          "Via della Libertà",
          "Via Mazzini",
          "Rue de la République",
          "Rue Victor Hugo",
          "Calle Mayor",
          "Avenida de Andalucía",
          "Odos Ermou",
          "Via Oreto",
          "Via Trieste",
          "Via Dante");

  private static final Weighted<Origin> ORIGINS;
  private static final Weighted<Corruption> CORRUPTIONS;

  static {
    double[] w = new double[Origin.values().length];
    for (Origin o : Origin.values()) {
      w[o.ordinal()] = o.share;
    }
    ORIGINS = new Weighted<>(List.of(Origin.values()), w);
    double[] c = new double[Corruption.values().length];
    for (Corruption k : Corruption.values()) {
      c[k.ordinal()] = k.weight;
    }
    CORRUPTIONS = new Weighted<>(List.of(Corruption.values()), c);
  }

  /** A synthetic person, before rendering as records. */
  private record Person(
      String entity,
      Origin origin,
      char sex,
      Name given,
      Name family,
      boolean nativeScript,
      LocalDate birthDate,
      String citizenship,
      String birthPlace,
      String document,
      Map<Field, String> address) {}

  private final SplittableRandom random;
  private double duplicateShare = 0.4;
  private int maxDuplicates = 3;
  private double nativeScriptShare = 0.2;
  private int maxCorruptions = 3;

  public PopulationGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The share of persons who have duplicate records (default 0.4). */
  public PopulationGenerator duplicateShare(double share) {
    this.duplicateShare = share;
    return this;
  }

  /** The most duplicates of one person (default 3; a person has 1 to this many). */
  public PopulationGenerator maxDuplicates(int n) {
    this.maxDuplicates = n;
    return this;
  }

  /**
   * The share of persons of a non-Latin-script origin whose first record has their names in their
   * own script (default 0.2).
   */
  public PopulationGenerator nativeScriptShare(double share) {
    this.nativeScriptShare = share;
    return this;
  }

  /** The most corruptions of one duplicate record (default 3; each has 1 to this many). */
  public PopulationGenerator maxCorruptions(int n) {
    this.maxCorruptions = n;
    return this;
  }

  /** One file of records of {@code persons} persons, some with duplicates; ids r1, r2 ... */
  public SyntheticPopulation generate(int persons) {
    List<Draft> drafts = new ArrayList<>();
    for (int i = 1; i <= persons; i++) {
      Person p = person("e" + i);
      drafts.add(new Draft(p.entity(), original(p)));
      if (random.nextDouble() < duplicateShare) {
        int n = 1 + random.nextInt(maxDuplicates);
        for (int d = 0; d < n; d++) {
          drafts.add(new Draft(p.entity(), duplicate(p)));
        }
      }
    }
    return finish(drafts, "r");
  }

  /**
   * Two files: a share {@code overlap} of the persons has a record in both (the right one corrupted
   * as a duplicate), the others in one file only. Ids a1 ... on the left, b1 ... on the right; no
   * person has two records in one file.
   */
  public TwoFiles twoFiles(int persons, double overlap) {
    List<Draft> left = new ArrayList<>();
    List<Draft> right = new ArrayList<>();
    for (int i = 1; i <= persons; i++) {
      Person p = person("e" + i);
      if (random.nextDouble() < overlap) {
        left.add(new Draft(p.entity(), original(p)));
        right.add(new Draft(p.entity(), duplicate(p)));
      } else if (random.nextBoolean()) {
        left.add(new Draft(p.entity(), original(p)));
      } else {
        right.add(new Draft(p.entity(), original(p)));
      }
    }
    return new TwoFiles(finish(left, "a"), finish(right, "b"));
  }

  private record Draft(String entity, Map<Field, String> values) {}

  private SyntheticPopulation finish(List<Draft> drafts, String prefix) {
    for (int i = drafts.size() - 1; i > 0; i--) { // Fisher-Yates: ids reveal no grouping
      int j = random.nextInt(i + 1);
      Draft t = drafts.get(i);
      drafts.set(i, drafts.get(j));
      drafts.set(j, t);
    }
    List<LinkageRecord> records = new ArrayList<>(drafts.size());
    Map<String, String> truth = new HashMap<>();
    for (int i = 0; i < drafts.size(); i++) {
      String id = prefix + (i + 1);
      records.add(new LinkageRecord(id, drafts.get(i).values()));
      truth.put(id, drafts.get(i).entity());
    }
    return new SyntheticPopulation(records, truth);
  }

  private Person person(String entity) {
    Origin origin = ORIGINS.draw(random);
    char sex = random.nextBoolean() ? 'M' : 'F';
    Name given = (sex == 'M' ? origin.maleGiven : origin.femaleGiven).draw(random);
    Name family = origin.family.draw(random);
    boolean nativeScript = origin.hasScript() && random.nextDouble() < nativeScriptShare;
    // victims are mostly young adults and adolescents: the year peaks in the mid-1990s
    int year = 1968 + (random.nextInt(22) + random.nextInt(23)); // triangular, 1968-2011
    LocalDate birth = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
    boolean estimated = random.nextDouble() < 0.06; // documented as 1 January when unknown
    String document =
        random.nextDouble() < 0.45
            ? (char) ('A' + random.nextInt(26))
                + ""
                + (char) ('A' + random.nextInt(26))
                + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000))
            : null;
    return new Person(
        entity,
        origin,
        sex,
        given,
        family,
        nativeScript,
        estimated ? LocalDate.of(year, 1, 1) : birth,
        pick(origin.citizenships),
        pick(origin.birthPlaces),
        document,
        address());
  }

  private Map<Field, String> original(Person p) {
    Map<Field, String> v = render(p, p.given().latin(), p.family().latin(), p.nativeScript());
    v.putAll(p.address());
    missing(v, Field.BIRTH_PLACE, 0.2);
    missing(v, Field.BIRTH_DATE, 0.04);
    missing(v, Field.SEX, 0.02);
    missing(v, Field.CITIZENSHIP, 0.05);
    return v;
  }

  private Map<Field, String> duplicate(Person p) {
    int n = 1 + random.nextInt(maxCorruptions);
    List<Corruption> kinds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      kinds.add(CORRUPTIONS.draw(random));
    }
    String given = p.given().latin();
    String family = p.family().latin();
    boolean nativeScript = p.nativeScript();
    if (kinds.contains(Corruption.ROMANISATION)) {
      if (random.nextBoolean() && !p.given().variants().isEmpty()) {
        given = pick(p.given().variants());
      } else if (!p.family().variants().isEmpty()) {
        family = pick(p.family().variants());
      } else {
        kinds.add(Corruption.TYPO);
      }
    }
    if (kinds.contains(Corruption.SCRIPT_CHANGE)) {
      if (p.origin().hasScript()) {
        nativeScript = !nativeScript;
      } else {
        kinds.add(Corruption.PHONETIC);
      }
    }
    Map<Field, String> v = render(p, given, family, nativeScript);
    v.putAll(kinds.contains(Corruption.MOVED) ? address() : p.address());
    missing(v, Field.BIRTH_PLACE, 0.3);
    for (Corruption k : kinds) {
      switch (k) {
        case TYPO -> alter(v, random.nextDouble() < 0.7 ? nameField() : Field.STREET, Errors::typo);
        case OCR ->
            alter(
                v,
                random.nextBoolean() && v.containsKey(Field.DOCUMENT_NUMBER)
                    ? Field.DOCUMENT_NUMBER
                    : nameField(),
                Errors::ocr);
        case PHONETIC -> alter(v, nameField(), Errors::phonetic);
        case MISSING_VALUE -> v.remove(missingField());
        case SWAPPED_NAMES -> {
          String g = v.get(Field.GIVEN_NAME);
          String f = v.get(Field.FAMILY_NAME);
          v.put(Field.GIVEN_NAME, f);
          v.put(Field.FAMILY_NAME, g);
        }
        case DAY_MONTH_SWAP -> {
          LocalDate d = p.birthDate();
          if (d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue()) {
            v.put(
                Field.BIRTH_DATE,
                LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()).toString());
          } else {
            v.put(Field.BIRTH_DATE, d.withDayOfMonth(1 + random.nextInt(28)).toString());
          }
        }
        case OTHER_DATE ->
            v.put(
                Field.BIRTH_DATE,
                random.nextBoolean()
                    ? LocalDate.of(p.birthDate().getYear(), 1, 1).toString() // estimated
                    : p.birthDate().plusYears(random.nextBoolean() ? 1 : -1).toString());
        default -> {
          // ROMANISATION, SCRIPT_CHANGE and MOVED are applied above
        }
      }
    }
    v.values().removeIf(x -> x == null || x.isBlank());
    return v;
  }

  private Map<Field, String> render(Person p, String given, String family, boolean nativeScript) {
    Map<Field, String> v = new EnumMap<>(Field.class);
    boolean feminine = p.origin() == Origin.CYRILLIC && p.sex() == 'F';
    if (nativeScript) {
      v.put(Field.GIVEN_NAME, p.given().nativeForm());
      String f = p.family().nativeForm();
      v.put(Field.FAMILY_NAME, feminine && f.matches(".*(ов|ев|ин)") ? f + "а" : f);
    } else {
      v.put(Field.GIVEN_NAME, given);
      v.put(Field.FAMILY_NAME, feminine && family.matches(".*(ov|ev|in)") ? family + "a" : family);
    }
    v.put(Field.BIRTH_DATE, p.birthDate().toString());
    v.put(Field.SEX, String.valueOf(p.sex()));
    v.put(Field.CITIZENSHIP, p.citizenship());
    v.put(Field.BIRTH_PLACE, p.birthPlace());
    if (p.document() != null) {
      v.put(Field.DOCUMENT_NUMBER, p.document());
    }
    return v;
  }

  private Map<Field, String> address() {
    Map<Field, String> v = new EnumMap<>(Field.class);
    if (random.nextDouble() < 0.3) {
      return v; // no fixed abode
    }
    Place place = pick(PLACES);
    v.put(Field.STREET_NUMBER, Integer.toString(1 + random.nextInt(200)));
    v.put(Field.STREET, pick(STREETS));
    v.put(Field.LOCALITY, place.locality());
    v.put(Field.POSTCODE, place.postcode());
    v.put(Field.REGION, place.region());
    return v;
  }

  private void missing(Map<Field, String> v, Field field, double probability) {
    if (random.nextDouble() < probability) {
      v.remove(field);
    }
  }

  private Field nameField() {
    return random.nextBoolean() ? Field.GIVEN_NAME : Field.FAMILY_NAME;
  }

  private Field missingField() {
    double x = random.nextDouble();
    if (x < 0.1) {
      return nameField();
    }
    Field[] others = {
      Field.BIRTH_DATE, Field.SEX, Field.CITIZENSHIP, Field.BIRTH_PLACE, Field.DOCUMENT_NUMBER
    };
    return others[random.nextInt(others.length)];
  }

  private void alter(
      Map<Field, String> v,
      Field field,
      java.util.function.BiFunction<String, SplittableRandom, String> error) {
    String value = v.get(field);
    if (value != null) {
      v.put(field, error.apply(value, random));
    }
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
