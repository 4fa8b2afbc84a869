package org.palermo.law.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.palermo.law.Reason;

/**
 * What one rule concluded: its truth, its own reasons, and the verdicts of the rules it combines
 * (empty for a single element).
 */
public record Verdict(String rule, Truth truth, List<Reason> reasons, List<Verdict> parts) {

  public Verdict {
    reasons = List.copyOf(reasons);
    parts = List.copyOf(parts);
  }

  /** A verdict of a single rule with one reason. */
  public static Verdict of(String rule, Truth truth, Reason reason) {
    return new Verdict(rule, truth, List.of(reason), List.of());
  }

  /** A verdict of a single rule that gives no reason. */
  public static Verdict silent(String rule, Truth truth) {
    return new Verdict(rule, truth, List.of(), List.of());
  }

  /** The verdict of the rule named {@code code}: this one or one of its parts, depth first. */
  public Optional<Verdict> find(String code) {
    return Optional.ofNullable(search(code));
  }

  /** Like {@link #find} but the rule must be there. */
  public Verdict part(String code) {
    Verdict found = search(code);
    if (found == null) {
      throw new IllegalArgumentException("no rule " + code);
    }
    return found;
  }

  private Verdict search(String code) {
    if (rule.equals(code)) {
      return this;
    }
    for (Verdict part : parts) {
      Verdict found = part.search(code);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** All reasons of the tree, parts first, in rule order. */
  public List<Reason> allReasons() {
    List<Reason> out = new ArrayList<>();
    collect(out);
    return out;
  }

  private void collect(List<Reason> out) {
    for (Verdict part : parts) {
      part.collect(out);
    }
    out.addAll(reasons);
  }

  /** Codes of the rules directly combined here whose truth is {@code truth}. */
  public List<String> partsWith(Truth truth) {
    List<String> out = new ArrayList<>();
    for (Verdict part : parts) {
      if (part.truth == truth) {
        out.add(part.rule);
      }
    }
    return out;
  }
}
