package org.palermo.law;

import java.util.List;

/**
 * The trafficking finding (Trafficking Protocol art. 3) with each element's status, the reasons in
 * order, and the distinct articles cited.
 */
public record TraffickingAssessment(
    Finding finding, Elements elements, List<Reason> reasons, List<String> citations) {

  public TraffickingAssessment {
    reasons = List.copyOf(reasons);
    citations = List.copyOf(citations);
  }
}
