package org.palermo.app.cases.application;

import java.util.Set;
import org.palermo.app.cases.domain.Transition;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of case work, bound from {@code palermo.cases.*}.
 *
 * @param approvalRequired the lifecycle transitions that wait for a case supervisor's approval,
 *     e.g. {@code palermo.cases.approval-required=CLOSE,REOPEN}; none by default
 */
@ConfigurationProperties("palermo.cases")
public record CasesProperties(Set<Transition> approvalRequired) {
  public CasesProperties {
    approvalRequired = approvalRequired == null ? Set.of() : Set.copyOf(approvalRequired);
  }
}
