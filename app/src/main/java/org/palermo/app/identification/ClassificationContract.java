package org.palermo.app.identification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.law.Act;
import org.palermo.law.Benefit;
import org.palermo.law.Facts;
import org.palermo.law.Means;
import org.palermo.law.Problem;
import org.palermo.law.Purpose;
import org.palermo.law.engine.Classifier;
import org.palermo.law.engine.RuleSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The classification contract of docs/classification.md: one JSON object or an array of them in,
 * one assessment per input out, in the same order. Input is read strictly: an unknown field or
 * value, a wrong type or malformed JSON fails the whole request with an error naming the field, and
 * nothing is classified.
 */
public final class ClassificationContract {
  /** Most inputs accepted in one request. */
  public static final int MAX_ITEMS = 10_000;

  private static final Set<String> BOOLEANS =
      Set.of(
          "consentToExploitation",
          "crossedInternationalBorder",
          "entryIrregular",
          "nationalOrPermanentResidentOfDestination",
          "entryProcuredByAnother",
          "lifeOrSafetyEndangered",
          "inhumanOrDegradingTreatment",
          "unaccompaniedChild",
          "separatedChild",
          "ageDisputed",
          "exploiterIsParentOrCaregiver",
          "seekingInternationalProtection");

  /** Facts that palermo-rules/1.0.0 does not know; refused when that version is asked for. */
  private static final Set<String> SINCE_1_1_0 =
      Set.of("ageDisputed", "exploiterIsParentOrCaregiver");

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "age",
          "ageAtFirstAct",
          "acts",
          "means",
          "purposes",
          "benefitToFacilitator",
          "indicators");

  private final JsonMapper json =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private final Classifier classifier;

  public ClassificationContract(Classifier classifier) {
    this.classifier = classifier;
  }

  /** Reads, validates and classifies; returns an object for an object, an array for an array. */
  public JsonNode classify(String body) {
    return classify(body, (String) null);
  }

  /**
   * Like {@link #classify(String)} under rule set {@code ruleSet} (null: the current one), to
   * reproduce an earlier assessment. The output has the shape of that version
   * (docs/classification.md): under {@code palermo-rules/1.0.0} {@code child} is a boolean and
   * there are no {@code protectionReasons} or {@code warnings}; the facts 1.0.0 does not know are
   * refused.
   */
  public JsonNode classify(String body, String ruleSet) {
    return classifyWith(body, classifierFor(ruleSet));
  }

  private Classifier classifierFor(String ruleSet) {
    if (ruleSet == null || ruleSet.equals(classifier.ruleSet().version())) {
      return classifier;
    }
    try {
      return Classifier.forVersion(ruleSet);
    } catch (IllegalArgumentException e) {
      throw invalid(
          "ruleSet",
          "unknown rule set '"
              + abbreviate(ruleSet)
              + "'; known: "
              + RuleSet.V1_1_0
              + ", "
              + RuleSet.V1_0_0);
    }
  }

  private JsonNode classifyWith(String body, Classifier classifier) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException e) {
      throw invalid("$", "the input is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || root.isMissingNode()) {
      throw invalid("$", "the input is empty; send one JSON object or an array of them");
    }
    if (root.isArray()) {
      if (root.size() > MAX_ITEMS) {
        throw invalid("$", "at most " + MAX_ITEMS + " inputs per request");
      }
      List<Facts> all = new ArrayList<>();
      for (int i = 0; i < root.size(); i++) {
        all.add(facts(classifier, root.get(i), "[" + i + "]"));
      }
      var out = json.createArrayNode();
      classifier.classifyAll(all).forEach(a -> out.add(AssessmentJson.write(json, a)));
      return out;
    }
    Facts facts = facts(classifier, root, "");
    return AssessmentJson.write(json, classifier.classify(facts));
  }

  /** Serialises a result for output. */
  public String print(JsonNode result) {
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(result);
  }

  private static Facts facts(Classifier classifier, JsonNode node, String at) {
    if (!node.isObject()) {
      throw invalid(at.isEmpty() ? "$" : at, "each input must be a JSON object");
    }
    Facts.Builder b = Facts.builder();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = e.getKey();
      String field = at.isEmpty() ? name : at + "." + name;
      JsonNode v = e.getValue();
      if (SINCE_1_1_0.contains(name) && !classifier.ruleSet().revised()) {
        throw invalid(field, "not a fact of " + classifier.ruleSet().version());
      }
      if (BOOLEANS.contains(name)) {
        bool(b, name, bool(v, field));
      } else if (!FIELDS.contains(name)) {
        throw invalid(field, "unknown field");
      } else {
        switch (name) {
          case "id" -> b.id(text(v, field));
          case "age" -> b.age(integer(v, field));
          case "ageAtFirstAct" -> b.ageAtFirstAct(integer(v, field));
          case "acts" -> b.acts(enums(v, field, Act.class));
          case "means" -> b.means(enums(v, field, Means.class));
          case "purposes" -> b.purposes(enums(v, field, Purpose.class));
          case "benefitToFacilitator" ->
              b.benefitToFacilitator(v.isNull() ? null : value(v, field, Benefit.class));
          case "indicators" -> b.indicators(strings(v, field));
          default -> throw invalid(field, "unknown field");
        }
      }
    }
    Facts facts = b.build();
    List<Problem> problems = classifier.validate(facts);
    if (!problems.isEmpty()) {
      Problem p = problems.get(0);
      throw invalid(at.isEmpty() ? p.field() : at + "." + p.field(), p.message());
    }
    return facts;
  }

  private static void bool(Facts.Builder b, String name, Boolean value) {
    switch (name) {
      case "consentToExploitation" -> b.consentToExploitation(value);
      case "crossedInternationalBorder" -> b.crossedInternationalBorder(value);
      case "entryIrregular" -> b.entryIrregular(value);
      case "nationalOrPermanentResidentOfDestination" ->
          b.nationalOrPermanentResidentOfDestination(value);
      case "entryProcuredByAnother" -> b.entryProcuredByAnother(value);
      case "lifeOrSafetyEndangered" -> b.lifeOrSafetyEndangered(value);
      case "inhumanOrDegradingTreatment" -> b.inhumanOrDegradingTreatment(value);
      case "unaccompaniedChild" -> b.unaccompaniedChild(value);
      case "separatedChild" -> b.separatedChild(value);
      case "ageDisputed" -> b.ageDisputed(value);
      case "exploiterIsParentOrCaregiver" -> b.exploiterIsParentOrCaregiver(value);
      case "seekingInternationalProtection" -> b.seekingInternationalProtection(value);
      default -> throw new IllegalStateException(name);
    }
  }

  private static Boolean bool(JsonNode v, String field) {
    if (v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw invalid(field, "must be true, false or null");
    }
    return v.booleanValue();
  }

  private static String text(JsonNode v, String field) {
    if (v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw invalid(field, "must be a string or null");
    }
    if (v.stringValue().length() > 200) {
      throw invalid(field, "must have at most 200 characters");
    }
    return v.stringValue();
  }

  private static Integer integer(JsonNode v, String field) {
    if (v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw invalid(field, "must be a whole number or null");
    }
    return v.intValue();
  }

  private static Set<String> strings(JsonNode v, String field) {
    if (v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw invalid(field, "must be an array of strings or null");
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      if (!item.isString()) {
        throw invalid(field + "[" + i + "]", "must be a string");
      }
      out.add(item.stringValue());
    }
    return out;
  }

  private static <E extends Enum<E>> Set<E> enums(JsonNode v, String field, Class<E> type) {
    if (v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw invalid(field, "must be an array or null");
    }
    Set<E> out = EnumSet.noneOf(type);
    for (int i = 0; i < v.size(); i++) {
      out.add(value(v.get(i), field + "[" + i + "]", type));
    }
    return out;
  }

  private static <E extends Enum<E>> E value(JsonNode v, String field, Class<E> type) {
    String allowed =
        Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    if (!v.isString()) {
      throw invalid(field, "must be one of " + allowed);
    }
    try {
      return Enum.valueOf(type, v.stringValue());
    } catch (IllegalArgumentException e) {
      throw invalid(
          field, "unknown value '" + abbreviate(v.stringValue()) + "'; expected one of " + allowed);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  static PalermoException invalid(String field, String message) {
    return new PalermoException(
        ErrorCode.VALIDATION_FAILED, field + ": " + message, Map.of("field", field));
  }
}
