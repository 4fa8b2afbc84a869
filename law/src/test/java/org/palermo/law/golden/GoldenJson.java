package org.palermo.law.golden;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.palermo.law.Act;
import org.palermo.law.Assessment;
import org.palermo.law.Benefit;
import org.palermo.law.ChildStatus;
import org.palermo.law.DelphiAssessment;
import org.palermo.law.DelphiListScore;
import org.palermo.law.DimensionScore;
import org.palermo.law.Facts;
import org.palermo.law.Means;
import org.palermo.law.Problem;
import org.palermo.law.Purpose;
import org.palermo.law.Reason;

/**
 * The golden files' line format: {@code {"facts":{…},"assessment":{…}}}, one vignette a line,
 * written and read by hand so that {@code law} needs no JSON library. The assessment is written in
 * the shape of its rule set (docs/classification.md): under {@code palermo-rules/1.0.0} {@code
 * child} is a boolean and there are no {@code warnings} or {@code protectionReasons}; from {@code
 * 1.1.0} {@code child} is {@code "YES"}, {@code "NO"}, {@code "PRESUMED"} or null. Every field of
 * the assessment is written, reason texts and arguments included, so a golden line pins the whole
 * answer.
 */
public final class GoldenJson {
  private GoldenJson() {}

  static final List<String> FACT_FIELDS_1_0_0 =
      List.of(
          "id",
          "age",
          "ageAtFirstAct",
          "acts",
          "means",
          "purposes",
          "consentToExploitation",
          "crossedInternationalBorder",
          "entryIrregular",
          "nationalOrPermanentResidentOfDestination",
          "entryProcuredByAnother",
          "lifeOrSafetyEndangered",
          "inhumanOrDegradingTreatment",
          "unaccompaniedChild",
          "separatedChild",
          "seekingInternationalProtection",
          "benefitToFacilitator",
          "indicators");

  static final List<String> FACT_FIELDS_1_1_0 = new ArrayList<>(FACT_FIELDS_1_0_0);

  static {
    FACT_FIELDS_1_1_0.add(FACT_FIELDS_1_1_0.indexOf("separatedChild") + 1, "ageDisputed");
    FACT_FIELDS_1_1_0.add(
        FACT_FIELDS_1_1_0.indexOf("ageDisputed") + 1, "exploiterIsParentOrCaregiver");
  }

  /** One golden line. */
  public static String line(Facts facts, Assessment a) {
    boolean v100 = a.ruleSet().equals("palermo-rules/1.0.0");
    return "{\"facts\":"
        + facts(facts, v100 ? FACT_FIELDS_1_0_0 : FACT_FIELDS_1_1_0)
        + ",\"assessment\":"
        + assessment(a, v100)
        + "}";
  }

  static String facts(Facts f, List<String> fields) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("id", f.id());
    values.put("age", f.age());
    values.put("ageAtFirstAct", f.ageAtFirstAct());
    values.put("acts", f.acts());
    values.put("means", f.means());
    values.put("purposes", f.purposes());
    values.put("consentToExploitation", f.consentToExploitation());
    values.put("crossedInternationalBorder", f.crossedInternationalBorder());
    values.put("entryIrregular", f.entryIrregular());
    values.put(
        "nationalOrPermanentResidentOfDestination", f.nationalOrPermanentResidentOfDestination());
    values.put("entryProcuredByAnother", f.entryProcuredByAnother());
    values.put("lifeOrSafetyEndangered", f.lifeOrSafetyEndangered());
    values.put("inhumanOrDegradingTreatment", f.inhumanOrDegradingTreatment());
    values.put("unaccompaniedChild", f.unaccompaniedChild());
    values.put("separatedChild", f.separatedChild());
    values.put("ageDisputed", f.ageDisputed());
    values.put("exploiterIsParentOrCaregiver", f.exploiterIsParentOrCaregiver());
    values.put("seekingInternationalProtection", f.seekingInternationalProtection());
    values.put("benefitToFacilitator", f.benefitToFacilitator());
    values.put("indicators", f.indicators());
    StringBuilder out = new StringBuilder("{");
    for (String field : fields) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(str(field)).append(':').append(value(values.get(field)));
    }
    return out.append('}').toString();
  }

  static String assessment(Assessment a, boolean v100) {
    StringBuilder o = new StringBuilder("{");
    o.append("\"id\":").append(value(a.id()));
    o.append(",\"ruleSet\":").append(str(a.ruleSet()));
    if (v100) {
      o.append(",\"child\":")
          .append(a.child() == null ? "null" : String.valueOf(a.child() == ChildStatus.YES));
    } else {
      o.append(",\"child\":").append(value(a.child()));
    }
    var t = a.trafficking();
    o.append(",\"trafficking\":{\"finding\":").append(value(t.finding()));
    o.append(",\"elements\":{\"act\":").append(value(t.elements().act()));
    o.append(",\"means\":").append(value(t.elements().means()));
    o.append(",\"purpose\":").append(value(t.elements().purpose())).append('}');
    o.append(",\"reasons\":").append(reasons(t.reasons()));
    o.append(",\"citations\":").append(value(t.citations())).append('}');
    var s = a.smuggling();
    o.append(",\"smuggling\":{\"finding\":").append(value(s.finding()));
    o.append(",\"aggravating\":").append(value(s.aggravating()));
    o.append(",\"nonCriminalisation\":").append(value(s.nonCriminalisation()));
    o.append(",\"reasons\":").append(reasons(s.reasons()));
    o.append(",\"citations\":").append(value(s.citations())).append('}');
    o.append(",\"delphi\":").append(delphi(a.delphi()));
    o.append(",\"protectionNeeds\":").append(value(a.protectionNeeds()));
    o.append(",\"recommendedReferrals\":").append(value(a.recommendedReferrals()));
    if (!v100) {
      o.append(",\"protectionReasons\":").append(reasons(a.protectionReasons()));
      o.append(",\"warnings\":").append(problems(a.warnings()));
    }
    return o.append('}').toString();
  }

  private static String delphi(DelphiAssessment d) {
    if (d == null) {
      return "null";
    }
    StringBuilder o = new StringBuilder("{\"catalogueVersion\":");
    o.append(str(d.catalogueVersion())).append(",\"notice\":").append(str(d.notice()));
    o.append(",\"lists\":[");
    boolean first = true;
    for (DelphiListScore l : d.lists()) {
      o.append(first ? "" : ",");
      first = false;
      o.append("{\"list\":").append(value(l.list()));
      o.append(",\"pendingVerification\":").append(l.pendingVerification());
      o.append(",\"dimensions\":[");
      boolean firstDim = true;
      for (DimensionScore ds : l.dimensions()) {
        o.append(firstDim ? "" : ",");
        firstDim = false;
        o.append("{\"dimension\":").append(value(ds.dimension()));
        o.append(",\"strong\":").append(ds.strong());
        o.append(",\"medium\":").append(ds.medium());
        o.append(",\"weak\":").append(ds.weak());
        o.append(",\"positive\":").append(ds.positive());
        o.append(",\"clause\":").append(value(ds.clause())).append('}');
      }
      o.append("],\"positive\":").append(l.positive());
      o.append(",\"result\":").append(value(l.result()));
      o.append(",\"rule\":").append(str(l.rule())).append('}');
    }
    return o.append("]}").toString();
  }

  private static String reasons(List<Reason> reasons) {
    StringBuilder o = new StringBuilder("[");
    for (Reason r : reasons) {
      o.append(o.length() > 1 ? "," : "");
      o.append("{\"code\":").append(str(r.code()));
      o.append(",\"text\":").append(str(r.text()));
      o.append(",\"citation\":").append(str(r.citation()));
      o.append(",\"args\":").append(value(r.args())).append('}');
    }
    return o.append(']').toString();
  }

  private static String problems(List<Problem> problems) {
    StringBuilder o = new StringBuilder("[");
    for (Problem p : problems) {
      o.append(o.length() > 1 ? "," : "");
      o.append("{\"code\":").append(str(p.code()));
      o.append(",\"field\":").append(str(p.field()));
      o.append(",\"message\":").append(str(p.message())).append('}');
    }
    return o.append(']').toString();
  }

  private static String value(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Enum<?> e) {
      return str(e.name());
    }
    if (v instanceof String s) {
      return str(s);
    }
    if (v instanceof Collection<?> c) {
      StringBuilder o = new StringBuilder("[");
      for (Object item : c) {
        o.append(o.length() > 1 ? "," : "").append(value(item));
      }
      return o.append(']').toString();
    }
    return String.valueOf(v);
  }

  private static String str(String s) {
    StringBuilder o = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> o.append("\\\"");
        case '\\' -> o.append("\\\\");
        case '\n' -> o.append("\\n");
        case '\t' -> o.append("\\t");
        default -> {
          if (c < 0x20) {
            o.append(String.format("\\u%04x", (int) c));
          } else {
            o.append(c);
          }
        }
      }
    }
    return o.append('"').toString();
  }

  /** Reads the {@code facts} object of a golden line back into {@link Facts}. */
  public static Facts readFacts(String line) {
    Parser p = new Parser(line);
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) p.value();
    @SuppressWarnings("unchecked")
    Map<String, Object> f = (Map<String, Object>) root.get("facts");
    Facts.Builder b = Facts.builder();
    b.id((String) f.get("id"));
    b.age(integer(f.get("age")));
    b.ageAtFirstAct(integer(f.get("ageAtFirstAct")));
    b.acts(enums(f.get("acts"), Act.class));
    b.means(enums(f.get("means"), Means.class));
    b.purposes(enums(f.get("purposes"), Purpose.class));
    b.consentToExploitation((Boolean) f.get("consentToExploitation"));
    b.crossedInternationalBorder((Boolean) f.get("crossedInternationalBorder"));
    b.entryIrregular((Boolean) f.get("entryIrregular"));
    b.nationalOrPermanentResidentOfDestination(
        (Boolean) f.get("nationalOrPermanentResidentOfDestination"));
    b.entryProcuredByAnother((Boolean) f.get("entryProcuredByAnother"));
    b.lifeOrSafetyEndangered((Boolean) f.get("lifeOrSafetyEndangered"));
    b.inhumanOrDegradingTreatment((Boolean) f.get("inhumanOrDegradingTreatment"));
    b.unaccompaniedChild((Boolean) f.get("unaccompaniedChild"));
    b.separatedChild((Boolean) f.get("separatedChild"));
    b.ageDisputed((Boolean) f.get("ageDisputed"));
    b.exploiterIsParentOrCaregiver((Boolean) f.get("exploiterIsParentOrCaregiver"));
    b.seekingInternationalProtection((Boolean) f.get("seekingInternationalProtection"));
    Object benefit = f.get("benefitToFacilitator");
    b.benefitToFacilitator(benefit == null ? null : Benefit.valueOf((String) benefit));
    @SuppressWarnings("unchecked")
    List<String> indicators = (List<String>) f.get("indicators");
    b.indicators(indicators == null ? null : Set.copyOf(indicators));
    return b.build();
  }

  private static Integer integer(Object v) {
    return v == null ? null : ((Long) v).intValue();
  }

  private static <E extends Enum<E>> List<E> enums(Object v, Class<E> type) {
    if (v == null) {
      return null;
    }
    List<E> out = new ArrayList<>();
    for (Object item : (List<?>) v) {
      out.add(Enum.valueOf(type, (String) item));
    }
    return out;
  }

  /** Just enough JSON for the lines this class writes. */
  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    Object value() {
      char c = s.charAt(i);
      switch (c) {
        case '{' -> {
          i++;
          Map<String, Object> map = new LinkedHashMap<>();
          if (s.charAt(i) == '}') {
            i++;
            return map;
          }
          while (true) {
            String key = string();
            expect(':');
            map.put(key, value());
            if (s.charAt(i) == ',') {
              i++;
            } else {
              expect('}');
              return map;
            }
          }
        }
        case '[' -> {
          i++;
          List<Object> list = new ArrayList<>();
          if (s.charAt(i) == ']') {
            i++;
            return list;
          }
          while (true) {
            list.add(value());
            if (s.charAt(i) == ',') {
              i++;
            } else {
              expect(']');
              return list;
            }
          }
        }
        case '"' -> {
          return string();
        }
        default -> {
          if (s.startsWith("null", i)) {
            i += 4;
            return null;
          }
          if (s.startsWith("true", i)) {
            i += 4;
            return Boolean.TRUE;
          }
          if (s.startsWith("false", i)) {
            i += 5;
            return Boolean.FALSE;
          }
          int start = i;
          while (i < s.length() && (s.charAt(i) == '-' || Character.isDigit(s.charAt(i)))) {
            i++;
          }
          return Long.parseLong(s.substring(start, i));
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder o = new StringBuilder();
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return o.toString();
        }
        if (c == '\\') {
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> o.append('\n');
            case 't' -> o.append('\t');
            case 'u' -> {
              o.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            default -> o.append(e);
          }
        } else {
          o.append(c);
        }
      }
    }

    private void expect(char c) {
      if (s.charAt(i) != c) {
        throw new IllegalArgumentException("expected " + c + " at " + i);
      }
      i++;
    }
  }
}
