package org.palermo.app.identification.persistence;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.palermo.law.Act;
import org.palermo.law.Benefit;
import org.palermo.law.Facts;
import org.palermo.law.Means;
import org.palermo.law.Purpose;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Facts as the JSON of the classification contract (docs/classification.md), every field written
 * and null for unknown, so that a stored screening can be replayed through {@code palermo classify}
 * or the API unchanged.
 */
public final class FactsJson {
  private FactsJson() {}

  public static String write(JsonMapper json, Facts f) {
    ObjectNode out = json.createObjectNode();
    text(out, "id", f.id());
    number(out, "age", f.age());
    number(out, "ageAtFirstAct", f.ageAtFirstAct());
    names(out, "acts", f.acts());
    names(out, "means", f.means());
    names(out, "purposes", f.purposes());
    bool(out, "consentToExploitation", f.consentToExploitation());
    bool(out, "crossedInternationalBorder", f.crossedInternationalBorder());
    bool(out, "entryIrregular", f.entryIrregular());
    bool(
        out,
        "nationalOrPermanentResidentOfDestination",
        f.nationalOrPermanentResidentOfDestination());
    bool(out, "entryProcuredByAnother", f.entryProcuredByAnother());
    bool(out, "lifeOrSafetyEndangered", f.lifeOrSafetyEndangered());
    bool(out, "inhumanOrDegradingTreatment", f.inhumanOrDegradingTreatment());
    bool(out, "unaccompaniedChild", f.unaccompaniedChild());
    bool(out, "separatedChild", f.separatedChild());
    bool(out, "ageDisputed", f.ageDisputed());
    bool(out, "exploiterIsParentOrCaregiver", f.exploiterIsParentOrCaregiver());
    bool(out, "seekingInternationalProtection", f.seekingInternationalProtection());
    text(
        out,
        "benefitToFacilitator",
        f.benefitToFacilitator() == null ? null : f.benefitToFacilitator().name());
    if (f.indicators() == null) {
      out.putNull("indicators");
    } else {
      ArrayNode codes = out.putArray("indicators");
      f.indicators().forEach(codes::add);
    }
    return json.writeValueAsString(out);
  }

  public static Facts read(JsonMapper json, String text) {
    JsonNode n = json.readTree(text);
    return Facts.builder()
        .id(string(n, "id"))
        .age(integer(n, "age"))
        .ageAtFirstAct(integer(n, "ageAtFirstAct"))
        .acts(enums(n, "acts", Act.class))
        .means(enums(n, "means", Means.class))
        .purposes(enums(n, "purposes", Purpose.class))
        .consentToExploitation(bool(n, "consentToExploitation"))
        .crossedInternationalBorder(bool(n, "crossedInternationalBorder"))
        .entryIrregular(bool(n, "entryIrregular"))
        .nationalOrPermanentResidentOfDestination(
            bool(n, "nationalOrPermanentResidentOfDestination"))
        .entryProcuredByAnother(bool(n, "entryProcuredByAnother"))
        .lifeOrSafetyEndangered(bool(n, "lifeOrSafetyEndangered"))
        .inhumanOrDegradingTreatment(bool(n, "inhumanOrDegradingTreatment"))
        .unaccompaniedChild(bool(n, "unaccompaniedChild"))
        .separatedChild(bool(n, "separatedChild"))
        .ageDisputed(bool(n, "ageDisputed"))
        .exploiterIsParentOrCaregiver(bool(n, "exploiterIsParentOrCaregiver"))
        .seekingInternationalProtection(bool(n, "seekingInternationalProtection"))
        .benefitToFacilitator(
            string(n, "benefitToFacilitator") == null
                ? null
                : Benefit.valueOf(string(n, "benefitToFacilitator")))
        .indicators(strings(n, "indicators"))
        .build();
  }

  private static void text(ObjectNode out, String name, String value) {
    if (value == null) {
      out.putNull(name);
    } else {
      out.put(name, value);
    }
  }

  private static void number(ObjectNode out, String name, Integer value) {
    if (value == null) {
      out.putNull(name);
    } else {
      out.put(name, value.intValue());
    }
  }

  private static void bool(ObjectNode out, String name, Boolean value) {
    if (value == null) {
      out.putNull(name);
    } else {
      out.put(name, value.booleanValue());
    }
  }

  private static void names(ObjectNode out, String name, Set<? extends Enum<?>> values) {
    if (values == null) {
      out.putNull(name);
    } else {
      ArrayNode array = out.putArray(name);
      values.forEach(v -> array.add(v.name()));
    }
  }

  private static JsonNode field(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? null : v;
  }

  private static String string(JsonNode n, String name) {
    JsonNode v = field(n, name);
    return v == null ? null : v.stringValue();
  }

  private static Integer integer(JsonNode n, String name) {
    JsonNode v = field(n, name);
    return v == null ? null : v.intValue();
  }

  private static Boolean bool(JsonNode n, String name) {
    JsonNode v = field(n, name);
    return v == null ? null : v.booleanValue();
  }

  private static <E extends Enum<E>> Set<E> enums(JsonNode n, String name, Class<E> type) {
    JsonNode v = field(n, name);
    if (v == null) {
      return null;
    }
    Set<E> out = EnumSet.noneOf(type);
    for (int i = 0; i < v.size(); i++) {
      out.add(Enum.valueOf(type, v.get(i).stringValue()));
    }
    return out;
  }

  private static Set<String> strings(JsonNode n, String name) {
    JsonNode v = field(n, name);
    if (v == null) {
      return null;
    }
    Set<String> out = new TreeSet<>();
    for (int i = 0; i < v.size(); i++) {
      out.add(v.get(i).stringValue());
    }
    return out;
  }
}
