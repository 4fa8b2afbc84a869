package org.palermo.app.identification.screening;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answers given so far, by question id. A value is an {@link Answer} name, a number of years,
 * or an option of the question's {@link QuestionKind}; a question without a value was not answered
 * (not asked yet, or skipped), which is also unknown.
 */
public record Answers(Map<String, String> values) {

  public Answers {
    values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  public static Answers none() {
    return new Answers(Map.of());
  }

  /** The stored value, or null when the question was not answered. */
  public String get(String id) {
    return values.get(id);
  }

  public boolean answered(String id) {
    return values.containsKey(id);
  }

  /** Whether the question was answered with {@code answer}. */
  public boolean is(String id, Answer answer) {
    return answer.name().equals(values.get(id));
  }

  /** True for yes, false for no, null for anything else (unknown). */
  public Boolean yesNo(String id) {
    String v = values.get(id);
    if (Answer.YES.name().equals(v)) {
      return Boolean.TRUE;
    }
    return Answer.NO.name().equals(v) ? Boolean.FALSE : null;
  }

  /** The number of years given, or null. */
  public Integer years(String id) {
    return QuestionKind.years(values.get(id));
  }

  /** These answers with every question in {@code ids} replaced by its value in {@code given}. */
  public Answers replace(Collection<String> ids, Map<String, String> given) {
    Map<String, String> out = new TreeMap<>(values);
    for (String id : ids) {
      out.remove(id);
      String v = given.get(id);
      if (v != null) {
        out.put(id, v);
      }
    }
    return new Answers(out);
  }
}
