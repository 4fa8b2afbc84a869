package org.palermo.app.cases.domain;

import java.util.EnumSet;
import java.util.Set;
import org.palermo.app.cases.CaseStatus;

/**
 * The moves of the case lifecycle: identified → open → assessment → support plan → services →
 * closed. A case may be closed from any status that is not closed (the person may leave the
 * programme at any time), a closed case may be reopened, and the assessment may be repeated from
 * the support plan or services stage (HTCDS Assessment and Planning: "repeated during a case").
 */
public enum Transition {
  OPEN(CaseStatus.OPEN, EnumSet.of(CaseStatus.IDENTIFIED)),
  START_ASSESSMENT(CaseStatus.ASSESSMENT, EnumSet.of(CaseStatus.OPEN)),
  PLAN_SUPPORT(CaseStatus.SUPPORT_PLAN, EnumSet.of(CaseStatus.ASSESSMENT)),
  DELIVER_SERVICES(CaseStatus.SERVICES, EnumSet.of(CaseStatus.SUPPORT_PLAN)),
  REASSESS(CaseStatus.ASSESSMENT, EnumSet.of(CaseStatus.SUPPORT_PLAN, CaseStatus.SERVICES)),
  CLOSE(
      CaseStatus.CLOSED,
      EnumSet.of(
          CaseStatus.IDENTIFIED,
          CaseStatus.OPEN,
          CaseStatus.ASSESSMENT,
          CaseStatus.SUPPORT_PLAN,
          CaseStatus.SERVICES)),
  REOPEN(CaseStatus.OPEN, EnumSet.of(CaseStatus.CLOSED));

  private final CaseStatus to;
  private final Set<CaseStatus> from;

  Transition(CaseStatus to, Set<CaseStatus> from) {
    this.to = to;
    this.from = from;
  }

  public CaseStatus to() {
    return to;
  }

  /** Whether this move may start from {@code status}. */
  public boolean allowedFrom(CaseStatus status) {
    return from.contains(status);
  }

  /** The moves that may start from {@code status}, in lifecycle order. */
  public static java.util.List<Transition> from(CaseStatus status) {
    return java.util.Arrays.stream(values()).filter(t -> t.allowedFrom(status)).toList();
  }
}
