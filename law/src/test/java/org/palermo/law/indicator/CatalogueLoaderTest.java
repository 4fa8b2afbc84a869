package org.palermo.law.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.palermo.law.Act;
import org.palermo.law.Dimension;
import org.palermo.law.Means;
import org.palermo.law.ProtectionNeed;
import org.palermo.law.Rating;

/** The strict catalogue loader: a good catalogue loads, any malformed line fails loudly. */
class CatalogueLoaderTest {
  private static final String VERSION = "palermo-indicators/9.9.9";
  private static final String LIST_AL =
      "ADULT_LABOUR\tAL\ttrue\tILO and EC 2009\tsecondary: a compiled reference";
  private static final String LIST_ILO =
      "ILO_FORCED_LABOUR\tILO-FL\tfalse\tILO 2012\tverified: read in the booklet";
  private static final String AL_ROW =
      "AL-DR-01\tADULT_LABOUR\tDECEPTIVE_RECRUITMENT\tSTRONG\tsecondary"
          + "\tact:RECRUITMENT,means:DECEPTION\tLEGAL_AID\tMisled about the job\t-";
  private static final String ILO_ROW =
      "ILO-FL-01\tILO_FORCED_LABOUR\t-\t-\tsecondary\tmeans:ABUSE_OF_VULNERABILITY"
          + "\tPSYCHOSOCIAL\tAbuse of vulnerability\tA note";

  @Test
  void aWellFormedCatalogueLoads() {
    IndicatorCatalogue catalogue = load(lists(), indicators(AL_ROW));
    assertThat(catalogue.version()).isEqualTo(VERSION);
    assertThat(catalogue.lists())
        .extracting(IndicatorList::id)
        .containsExactly("ILO_FORCED_LABOUR", "ADULT_LABOUR");
    Indicator al = catalogue.indicator("AL-DR-01").orElseThrow();
    assertThat(al.dimension()).isEqualTo(Dimension.DECEPTIVE_RECRUITMENT);
    assertThat(al.rating()).isEqualTo(Rating.STRONG);
    assertThat(al.evidences().acts()).containsExactly(Act.RECRUITMENT);
    assertThat(al.evidences().means()).containsExactly(Means.DECEPTION);
    assertThat(al.needs()).containsExactly(ProtectionNeed.LEGAL_AID);
    assertThat(al.note()).isNull();
    Indicator ilo = catalogue.indicator("ILO-FL-01").orElseThrow();
    assertThat(ilo.dimension()).isNull();
    assertThat(ilo.note()).isEqualTo("A note");
    assertThat(catalogue.list("ADULT_LABOUR").orElseThrow().pendingVerification()).isTrue();
    assertThat(catalogue.list("ILO_FORCED_LABOUR").orElseThrow().pendingVerification()).isFalse();
  }

  @Test
  void theShippedCatalogueLoads() {
    IndicatorCatalogue standard = IndicatorCatalogue.standard();
    assertThat(standard.version()).isEqualTo("palermo-indicators/1.1.0");
    assertThat(standard.indicators(IndicatorList.ILO_FORCED_LABOUR)).hasSize(11);
    assertThat(standard.lists()).hasSize(5).allMatch(IndicatorList::pendingVerification);
    assertThat(standard.indicators()).allMatch(i -> i.evidenceReason() != null);
    IndicatorCatalogue frozen = IndicatorCatalogue.forVersion("palermo-indicators/1.0.0");
    assertThat(frozen.version()).isEqualTo("palermo-indicators/1.0.0");
    assertThat(frozen.indicators()).hasSameSizeAs(standard.indicators());
    assertThat(frozen.indicators()).allMatch(i -> i.evidenceReason() == null);
  }

  static Stream<Arguments> malformedIndicatorLines() {
    return Stream.of(
        Arguments.of("too few fields", AL_ROW.substring(0, AL_ROW.lastIndexOf('\t')), "fields"),
        Arguments.of("too many fields", AL_ROW + "\textra", "fields"),
        Arguments.of("unknown rating", AL_ROW.replace("STRONG", "VERY_STRONG"), "Rating"),
        Arguments.of("unknown dimension", AL_ROW.replace("DECEPTIVE_", "DECEIVING_"), "Dimension"),
        Arguments.of("unknown list", AL_ROW.replace("\tADULT_LABOUR\t", "\tADULT_WORK\t"), "list"),
        Arguments.of("code of another dimension", AL_ROW.replace("AL-DR-01", "AL-CR-01"), "code"),
        Arguments.of("code of another list", AL_ROW.replace("AL-DR-01", "AS-DR-01"), "code"),
        Arguments.of("code without number", AL_ROW.replace("AL-DR-01", "AL-DR-x"), "code"),
        Arguments.of("unknown provenance", AL_ROW.replace("secondary", "rumour"), "provenance"),
        Arguments.of("unknown element", AL_ROW.replace("act:RECRUITMENT", "deed:X"), "element"),
        Arguments.of("unknown act", AL_ROW.replace("act:RECRUITMENT", "act:HIRING"), "Act"),
        Arguments.of("evidence without colon", AL_ROW.replace("act:RECRUITMENT", "act"), "VALUE"),
        Arguments.of("empty evidence item", AL_ROW.replace("DECEPTION", "DECEPTION,"), "VALUE"),
        Arguments.of("unknown need", AL_ROW.replace("LEGAL_AID", "MONEY"), "ProtectionNeed"),
        Arguments.of("empty field", AL_ROW.replace("\t-", "\t"), "empty"),
        Arguments.of("padded field", AL_ROW.replace("\tSTRONG", "\t STRONG"), "spaces"),
        Arguments.of("carriage return", AL_ROW + "\r", "carriage"),
        Arguments.of("duplicate code", AL_ROW + "\n" + AL_ROW, "duplicate"),
        Arguments.of(
            "ILO row with a rating",
            ILO_ROW.replace("\t-\t-\t", "\t-\tSTRONG\t"),
            "no dimension or rating"),
        Arguments.of("space-separated", AL_ROW.replace('\t', ' '), "fields"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedIndicatorLines")
  void aMalformedIndicatorLineIsRejectedWithItsLine(String name, String line, String message) {
    List<String> file = new ArrayList<>(indicators(line));
    assertThatThrownBy(() -> load(lists(), file))
        .isInstanceOf(CatalogueFormatException.class)
        .hasMessageContaining("indicators.tsv:")
        .hasMessageContaining(message);
  }

  @Test
  void aWrongHeaderIsRejected() {
    List<String> file = new ArrayList<>(indicators(AL_ROW));
    file.set(1, CatalogueLoader.INDICATORS_HEADER.replace("rating", "strength"));
    assertThatThrownBy(() -> load(lists(), file))
        .isInstanceOf(CatalogueFormatException.class)
        .hasMessageContaining("indicators.tsv:2: expected header");
  }

  @Test
  void aFileWithoutDataIsRejected() {
    assertThatThrownBy(
            () -> load(lists(), List.of("# only a comment", CatalogueLoader.INDICATORS_HEADER)))
        .isInstanceOf(CatalogueFormatException.class)
        .hasMessageContaining("no data");
  }

  @Test
  void malformedListLinesAreRejected() {
    assertThatThrownBy(() -> load(lists(LIST_AL.replace("true", "yes")), indicators(AL_ROW)))
        .hasMessageContaining("lists.tsv:2: expected true or false");
    assertThatThrownBy(() -> load(lists(LIST_AL.replace("\tAL\t", "\tAX\t")), indicators(AL_ROW)))
        .hasMessageContaining("prefix");
    assertThatThrownBy(
            () -> load(lists(LIST_AL.replace("ADULT_LABOUR", "ADULT_OTHER")), indicators(AL_ROW)))
        .hasMessageContaining("DelphiList");
    assertThatThrownBy(() -> load(lists(LIST_AL, LIST_AL), indicators(AL_ROW)))
        .hasMessageContaining("duplicate list");
  }

  @Test
  void aListWithoutIndicatorsIsRejected() {
    List<String> onlyIlo = List.of(CatalogueLoader.INDICATORS_HEADER, ILO_ROW);
    assertThatThrownBy(() -> load(lists(), onlyIlo)).hasMessageContaining("ADULT_LABOUR has no");
  }

  @Test
  void aBadVersionIsRejected() {
    assertThatThrownBy(
            () ->
                CatalogueLoader.parse(
                    "indicators-1", "lists.tsv", lists(), Map.of("i.tsv", indicators(AL_ROW))))
        .hasMessageContaining("version");
  }

  @Test
  void aMissingCatalogueFolderIsRejected() {
    assertThatThrownBy(() -> CatalogueLoader.fromClasspath("org/palermo/law/nowhere"))
        .isInstanceOf(CatalogueFormatException.class)
        .hasMessageContaining("missing");
  }

  private static List<String> lists(String... rows) {
    List<String> out = new ArrayList<>(List.of(CatalogueLoader.LISTS_HEADER));
    out.addAll(rows.length == 0 ? List.of(LIST_ILO, LIST_AL) : List.of(rows));
    return out;
  }

  private static List<String> indicators(String row) {
    List<String> out = new ArrayList<>();
    out.add("# test catalogue");
    out.add(CatalogueLoader.INDICATORS_HEADER);
    out.add(ILO_ROW);
    out.add("");
    out.addAll(List.of(row.split("\n", -1)));
    return out;
  }

  private static IndicatorCatalogue load(List<String> lists, List<String> indicators) {
    Map<String, List<String>> files = new LinkedHashMap<>();
    files.put("indicators.tsv", indicators);
    return CatalogueLoader.parse(VERSION, "lists.tsv", lists, files);
  }
}
