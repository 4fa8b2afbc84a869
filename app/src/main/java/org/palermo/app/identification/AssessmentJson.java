package org.palermo.app.identification;

import java.util.Collection;
import java.util.List;
import org.palermo.law.Assessment;
import org.palermo.law.ChildStatus;
import org.palermo.law.DelphiAssessment;
import org.palermo.law.DelphiListScore;
import org.palermo.law.DimensionScore;
import org.palermo.law.Problem;
import org.palermo.law.Reason;
import org.palermo.law.SmugglingAssessment;
import org.palermo.law.TraffickingAssessment;
import org.palermo.law.engine.RuleSet;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an assessment in the contract's JSON shape, field by field, so that a change inside the
 * engine cannot silently change the published contract (docs/classification.md). The shape follows
 * the assessment's rule set: palermo-rules/1.0.0 keeps its boolean {@code child} and has no {@code
 * protectionReasons} or {@code warnings}.
 */
final class AssessmentJson {
  private AssessmentJson() {}

  static ObjectNode write(JsonMapper json, Assessment a) {
    ObjectNode out = json.createObjectNode();
    out.put("id", a.id());
    out.put("ruleSet", a.ruleSet());
    boolean v100 = RuleSet.V1_0_0.equals(a.ruleSet());
    if (a.child() == null) {
      out.putNull("child");
    } else if (v100) {
      out.put("child", a.child() == ChildStatus.YES);
    } else {
      out.put("child", a.child().name());
    }
    trafficking(out.putObject("trafficking"), a.trafficking());
    smuggling(out.putObject("smuggling"), a.smuggling());
    if (a.delphi() != null) {
      delphi(out.putObject("delphi"), a.delphi());
    }
    names(out.putArray("protectionNeeds"), a.protectionNeeds());
    names(out.putArray("recommendedReferrals"), a.recommendedReferrals());
    if (!v100) {
      reasons(out.putArray("protectionReasons"), a.protectionReasons());
      ArrayNode warnings = out.putArray("warnings");
      for (Problem p : a.warnings()) {
        ObjectNode w = warnings.addObject();
        w.put("code", p.code());
        w.put("field", p.field());
        w.put("message", p.message());
      }
    }
    return out;
  }

  private static void trafficking(ObjectNode out, TraffickingAssessment t) {
    out.put("finding", t.finding().name());
    ObjectNode elements = out.putObject("elements");
    elements.put("act", t.elements().act().name());
    elements.put("means", t.elements().means().name());
    elements.put("purpose", t.elements().purpose().name());
    reasons(out.putArray("reasons"), t.reasons());
    strings(out.putArray("citations"), t.citations());
  }

  private static void smuggling(ObjectNode out, SmugglingAssessment s) {
    out.put("finding", s.finding().name());
    names(out.putArray("aggravating"), s.aggravating());
    if (s.nonCriminalisation() == null) {
      out.putNull("nonCriminalisation");
    } else {
      out.put("nonCriminalisation", s.nonCriminalisation());
    }
    reasons(out.putArray("reasons"), s.reasons());
    strings(out.putArray("citations"), s.citations());
  }

  private static void delphi(ObjectNode out, DelphiAssessment d) {
    out.put("catalogueVersion", d.catalogueVersion());
    out.put("notice", d.notice());
    ArrayNode lists = out.putArray("lists");
    for (DelphiListScore l : d.lists()) {
      ObjectNode list = lists.addObject();
      list.put("list", l.list().name());
      list.put("pendingVerification", l.pendingVerification());
      list.put("positive", l.positive());
      list.put("result", l.result().name());
      list.put("rule", l.rule());
      ArrayNode dimensions = list.putArray("dimensions");
      for (DimensionScore s : l.dimensions()) {
        ObjectNode dim = dimensions.addObject();
        dim.put("dimension", s.dimension().name());
        dim.put("strong", s.strong());
        dim.put("medium", s.medium());
        dim.put("weak", s.weak());
        dim.put("positive", s.positive());
        dim.put("clause", s.clause());
      }
    }
  }

  private static void reasons(ArrayNode out, List<Reason> reasons) {
    for (Reason r : reasons) {
      ObjectNode reason = out.addObject();
      reason.put("code", r.code());
      reason.put("text", r.text());
      reason.put("citation", r.citation());
    }
  }

  private static void names(ArrayNode out, Collection<? extends Enum<?>> values) {
    values.forEach(v -> out.add(v.name()));
  }

  private static void strings(ArrayNode out, List<String> values) {
    values.forEach(out::add);
  }
}
