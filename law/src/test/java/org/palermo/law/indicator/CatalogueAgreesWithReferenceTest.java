package org.palermo.law.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.palermo.law.DelphiList;
import org.palermo.law.Dimension;

/**
 * The shipped Delphi catalogue must agree, item by item, with reference/delphi-indicators.json
 * (codes, lists, dimensions, ratings, labels, provenance, notes, list verification). The JSON is
 * read with a small regex scanner, so law needs no JSON library. Fails if either side drifts.
 */
class CatalogueAgreesWithReferenceTest {
  private static final String STRING = "\"((?:[^\"\\\\]|\\\\.)*)\"";
  private static final Pattern TOKEN =
      Pattern.compile(
          "\"id\":\\s*\"(?<list>ADULT_LABOUR|ADULT_SEXUAL|CHILD_LABOUR|CHILD_SEXUAL)\","
              + "\\s*\"prefix\":\\s*\"(?<prefix>\\w+)\",\\s*\"evidence\":\\s*(?<listEvidence>"
              + STRING
              + "),\\s*\"verified\":\\s*(?<listVerified>true|false)"
              + "|\"id\":\\s*\"(?<dimension>[A-Z_]+)\",\\s*(?:\"note\":\\s*"
              + STRING
              + ",\\s*)?\"indicators\""
              + "|\\{\\s*\"code\":\\s*\"(?<code>[^\"]+)\",\\s*\"label\":\\s*(?<label>"
              + STRING
              + "),\\s*\"rating\":\\s*\"(?<rating>\\w+)\",\\s*\"verified\":\\s*(?<verified>true|false),"
              + "\\s*\"evidence\":\\s*\"(?<evidence>\\w+)\"(?:,\\s*\"note\":\\s*(?<note>"
              + STRING
              + "))?\\s*}");

  record Item(
      String code,
      String list,
      String dimension,
      String rating,
      String label,
      String evidence,
      boolean verified,
      String note) {}

  record ListEntry(String id, String prefix, String evidence, boolean verified) {}

  private static final Map<String, Item> ITEMS = new TreeMap<>();
  private static final List<ListEntry> LISTS = new ArrayList<>();

  @BeforeAll
  static void readReference() throws IOException {
    String json = Files.readString(referenceFile(), StandardCharsets.UTF_8);
    Matcher m = TOKEN.matcher(json);
    String list = null;
    String dimension = null;
    while (m.find()) {
      if (m.group("list") != null) {
        list = m.group("list");
        LISTS.add(
            new ListEntry(
                list,
                m.group("prefix"),
                unquote(m.group("listEvidence")),
                Boolean.parseBoolean(m.group("listVerified"))));
      } else if (m.group("dimension") != null) {
        dimension = m.group("dimension");
      } else {
        Item item =
            new Item(
                m.group("code"),
                list,
                dimension,
                m.group("rating"),
                unquote(m.group("label")),
                m.group("evidence"),
                Boolean.parseBoolean(m.group("verified")),
                m.group("note") == null ? null : unquote(m.group("note")));
        assertThat(ITEMS.put(item.code(), item)).as("duplicate in JSON: " + item.code()).isNull();
      }
    }
    int codes = json.split("\"code\":", -1).length - 1;
    assertThat(ITEMS).as("the scanner must read every item of the JSON").hasSize(codes);
  }

  @Test
  void sameListsWithTheirProvenanceAndVerificationStatus() {
    assertThat(LISTS)
        .extracting(ListEntry::id)
        .containsExactlyElementsOf(
            java.util.Arrays.stream(DelphiList.values()).map(Enum::name).toList());
    for (ListEntry entry : LISTS) {
      IndicatorList list = IndicatorCatalogue.standard().list(entry.id()).orElseThrow();
      assertThat(list.prefix()).isEqualTo(entry.prefix());
      assertThat(list.provenance()).isEqualTo(entry.evidence());
      assertThat(list.pendingVerification()).as(entry.id()).isEqualTo(!entry.verified());
    }
  }

  @Test
  void sameCodes() {
    List<String> catalogue =
        IndicatorCatalogue.standard().indicators().stream()
            .filter(i -> i.dimension() != null)
            .map(Indicator::code)
            .sorted()
            .collect(Collectors.toList());
    assertThat(catalogue).containsExactlyElementsOf(ITEMS.keySet());
    assertThat(ITEMS).hasSizeGreaterThan(200);
  }

  @Test
  void sameListDimensionRatingLabelProvenanceAndNoteForEveryItem() {
    for (Item item : ITEMS.values()) {
      Indicator indicator = IndicatorCatalogue.standard().indicator(item.code()).orElseThrow();
      assertThat(indicator.list()).as(item.code()).isEqualTo(item.list());
      assertThat(indicator.dimension())
          .as(item.code())
          .isEqualTo(Dimension.valueOf(item.dimension()));
      assertThat(indicator.rating().name()).as(item.code()).isEqualTo(item.rating());
      assertThat(indicator.label()).as(item.code()).isEqualTo(item.label());
      assertThat(indicator.provenance()).as(item.code()).isEqualTo(item.evidence());
      assertThat(indicator.note()).as(item.code()).isEqualTo(item.note());
      assertThat(item.verified())
          .as("%s: a verified item needs a catalogue update", item.code())
          .isFalse();
    }
  }

  /**
   * The repository's copy of the reference file (reference/delphi-indicators.json, put on the test
   * classpath by law/pom.xml), so that a fresh clone needs nothing outside the repository.
   */
  private static Path referenceFile() {
    URL url =
        CatalogueAgreesWithReferenceTest.class.getResource("/reference/delphi-indicators.json");
    if (url == null) {
      throw new AssertionError(
          "reference/delphi-indicators.json is not on the test classpath (see law/pom.xml)");
    }
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** Unquotes a JSON string literal (the escapes JSON allows). */
  private static String unquote(String literal) {
    String body = literal.substring(1, literal.length() - 1);
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = body.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }
}
