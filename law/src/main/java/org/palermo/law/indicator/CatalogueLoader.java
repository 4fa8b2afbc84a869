package org.palermo.law.indicator;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.palermo.law.Act;
import org.palermo.law.DelphiList;
import org.palermo.law.Dimension;
import org.palermo.law.Means;
import org.palermo.law.ProtectionNeed;
import org.palermo.law.Purpose;
import org.palermo.law.Rating;

/**
 * Strict reader of the catalogue files: UTF-8, tab-separated, an exact header line, {@code #}
 * comments and blank lines; any other line must parse completely or loading fails with a {@link
 * CatalogueFormatException} naming the file and line.
 */
public final class CatalogueLoader {
  static final String LISTS_HEADER = "id\tprefix\tpendingVerification\tsource\tprovenance";
  static final String INDICATORS_HEADER =
      "code\tlist\tdimension\trating\tprovenance\tevidences\tneeds\tlabel\tnote";

  /** From palermo-indicators/1.1.0: the reason each mapping to Protocol elements was made. */
  static final String INDICATORS_HEADER_WITH_REASON = INDICATORS_HEADER + "\tevidenceReason";

  private static final Set<String> PROVENANCES = Set.of("verified", "secondary", "recollection");
  private static final Pattern VERSION = Pattern.compile("palermo-indicators/\\d+\\.\\d+\\.\\d+");
  private static final String EMPTY = "-";

  private CatalogueLoader() {}

  /**
   * Loads the catalogue described by {@code catalogue.properties} in classpath folder {@code dir}.
   */
  public static IndicatorCatalogue fromClasspath(String dir) {
    Properties index = new Properties();
    try (InputStream in = open(dir + "/catalogue.properties")) {
      index.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CatalogueFormatException("cannot read " + dir + "/catalogue.properties: " + e);
    }
    String version = required(index, "version");
    String listsFile = required(index, "lists");
    Map<String, List<String>> indicatorFiles = new LinkedHashMap<>();
    for (String name : required(index, "indicators").split(",")) {
      indicatorFiles.put(name, lines(dir + "/" + name));
    }
    return parse(version, listsFile, lines(dir + "/" + listsFile), indicatorFiles);
  }

  /** Parses a catalogue from the lines of its files, named for error messages. */
  public static IndicatorCatalogue parse(
      String version,
      String listsFile,
      List<String> listLines,
      Map<String, List<String>> indicatorFiles) {
    if (version == null || !VERSION.matcher(version).matches()) {
      throw new CatalogueFormatException("bad catalogue version: " + version);
    }
    Map<String, IndicatorList> lists = new LinkedHashMap<>();
    for (Row row : rows(listsFile, listLines, LISTS_HEADER)) {
      IndicatorList list = parseList(row);
      if (lists.putIfAbsent(list.id(), list) != null) {
        throw row.error("duplicate list " + list.id());
      }
    }
    Map<String, Indicator> indicators = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> file : indicatorFiles.entrySet()) {
      List<String> lines = file.getValue();
      String header =
          lines.contains(INDICATORS_HEADER_WITH_REASON)
              ? INDICATORS_HEADER_WITH_REASON
              : INDICATORS_HEADER;
      for (Row row : rows(file.getKey(), lines, header)) {
        Indicator indicator = parseIndicator(row, lists);
        if (indicators.putIfAbsent(indicator.code(), indicator) != null) {
          throw row.error("duplicate indicator code " + indicator.code());
        }
      }
    }
    for (IndicatorList list : lists.values()) {
      if (indicators.values().stream().noneMatch(i -> i.list().equals(list.id()))) {
        throw new CatalogueFormatException("list " + list.id() + " has no indicators");
      }
    }
    return new IndicatorCatalogue(version, List.copyOf(lists.values()), indicators);
  }

  private static IndicatorList parseList(Row row) {
    String id = row.field(0);
    String prefix = row.field(1);
    if (IndicatorList.ILO_FORCED_LABOUR.equals(id)) {
      if (!"ILO-FL".equals(prefix)) {
        throw row.error("prefix of " + id + " must be ILO-FL");
      }
    } else {
      DelphiList delphi = row.enumValue(DelphiList.class, 0);
      if (!delphi.prefix().equals(prefix)) {
        throw row.error("prefix of " + id + " must be " + delphi.prefix());
      }
    }
    return new IndicatorList(id, prefix, row.bool(2), row.text(3), row.text(4));
  }

  private static Indicator parseIndicator(Row row, Map<String, IndicatorList> lists) {
    String code = row.field(0);
    IndicatorList list = lists.get(row.field(1));
    if (list == null) {
      throw row.error("unknown list " + row.field(1));
    }
    Dimension dimension = null;
    Rating rating = null;
    String expected;
    if (list.delphi() == null) {
      if (!EMPTY.equals(row.field(2)) || !EMPTY.equals(row.field(3))) {
        throw row.error("ILO indicators have no dimension or rating; write -");
      }
      expected = Pattern.quote(list.prefix() + "-") + "\\d{2}";
    } else {
      dimension = row.enumValue(Dimension.class, 2);
      rating = row.enumValue(Rating.class, 3);
      expected = Pattern.quote(list.prefix() + "-" + dimension.abbreviation() + "-") + "\\d{2}";
    }
    if (!code.matches(expected)) {
      throw row.error("code " + code + " does not match its list and dimension (" + expected + ")");
    }
    String provenance = row.field(4);
    if (!PROVENANCES.contains(provenance)) {
      throw row.error("provenance must be one of " + PROVENANCES + ", not " + provenance);
    }
    return new Indicator(
        code,
        list.id(),
        dimension,
        rating,
        provenance,
        evidences(row, 5),
        needs(row, 6),
        row.text(7),
        EMPTY.equals(row.field(8)) ? null : row.text(8),
        row.size() > 9 ? row.text(9) : null);
  }

  private static ElementEvidence evidences(Row row, int column) {
    Set<Act> acts = EnumSet.noneOf(Act.class);
    Set<Means> means = EnumSet.noneOf(Means.class);
    Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
    String value = row.field(column);
    if (!EMPTY.equals(value)) {
      for (String item : value.split(",", -1)) {
        int colon = item.indexOf(':');
        if (colon < 0) {
          throw row.error("evidence '" + item + "' is not element:VALUE");
        }
        String element = item.substring(0, colon);
        String name = item.substring(colon + 1);
        boolean added =
            switch (element) {
              case "act" -> acts.add(row.parse(Act.class, name));
              case "means" -> means.add(row.parse(Means.class, name));
              case "purpose" -> purposes.add(row.parse(Purpose.class, name));
              default -> throw row.error("unknown element '" + element + "'");
            };
        if (!added) {
          throw row.error("evidence " + item + " repeated");
        }
      }
    }
    return new ElementEvidence(acts, means, purposes);
  }

  private static Set<ProtectionNeed> needs(Row row, int column) {
    Set<ProtectionNeed> needs = EnumSet.noneOf(ProtectionNeed.class);
    String value = row.field(column);
    if (!EMPTY.equals(value)) {
      for (String name : value.split(",", -1)) {
        if (!needs.add(row.parse(ProtectionNeed.class, name))) {
          throw row.error("need " + name + " repeated");
        }
      }
    }
    return needs;
  }

  private static List<Row> rows(String file, List<String> lines, String header) {
    List<Row> rows = new ArrayList<>();
    int columns = header.split("\t").length;
    boolean headerSeen = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int number = i + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.indexOf('\r') >= 0) {
        throw new CatalogueFormatException(file, number, "carriage return; use LF line ends");
      }
      if (!headerSeen) {
        if (!line.equals(header)) {
          throw new CatalogueFormatException(file, number, "expected header: " + header);
        }
        headerSeen = true;
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != columns) {
        throw new CatalogueFormatException(
            file, number, "expected " + columns + " tab-separated fields, found " + fields.length);
      }
      Row row = new Row(file, number, fields);
      for (int f = 0; f < fields.length; f++) {
        if (fields[f].isEmpty() || !fields[f].equals(fields[f].strip())) {
          throw row.error("field " + (f + 1) + " is empty or has surrounding spaces");
        }
      }
      rows.add(row);
    }
    if (!headerSeen) {
      throw new CatalogueFormatException(file, lines.size(), "no header line");
    }
    if (rows.isEmpty()) {
      throw new CatalogueFormatException(file, lines.size(), "no data lines");
    }
    return rows;
  }

  private static InputStream open(String resource) {
    InputStream in = CatalogueLoader.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new CatalogueFormatException("missing catalogue file " + resource);
    }
    return in;
  }

  private static List<String> lines(String resource) {
    try (InputStream in = open(resource)) {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(in.readAllBytes()))
              .toString();
      return List.of(text.split("\n", -1));
    } catch (CharacterCodingException e) {
      throw new CatalogueFormatException(resource + " is not valid UTF-8");
    } catch (IOException e) {
      throw new CatalogueFormatException("cannot read " + resource + ": " + e);
    }
  }

  private static String required(Properties index, String key) {
    String value = index.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new CatalogueFormatException("catalogue.properties lacks " + key);
    }
    return value.strip();
  }

  private record Row(String file, int line, String[] fields) {
    int size() {
      return fields.length;
    }

    String field(int index) {
      return fields[index];
    }

    String text(int index) {
      return fields[index];
    }

    boolean bool(int index) {
      return switch (fields[index]) {
        case "true" -> true;
        case "false" -> false;
        default -> throw error("expected true or false, not " + fields[index]);
      };
    }

    <E extends Enum<E>> E enumValue(Class<E> type, int index) {
      return parse(type, fields[index]);
    }

    <E extends Enum<E>> E parse(Class<E> type, String name) {
      try {
        return Enum.valueOf(type, name);
      } catch (IllegalArgumentException e) {
        throw error("unknown " + type.getSimpleName() + " '" + name + "'");
      }
    }

    CatalogueFormatException error(String problem) {
      return new CatalogueFormatException(file, line, problem);
    }
  }
}
