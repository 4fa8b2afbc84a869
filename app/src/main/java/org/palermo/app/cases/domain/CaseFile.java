package org.palermo.app.cases.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.cases.CaseStatus;
import org.palermo.app.cases.domain.CaseRefused.Reason;

/**
 * A case's lifecycle: its status and the transition, if any, that waits for a supervisor. Methods
 * return the next state and refuse illegal moves with {@link CaseRefused}. Nothing here depends on
 * the person's cooperation with the authorities: assistance is unconditional (Trafficking Protocol
 * art. 6(3); CoE Convention art. 12(6); EU Directive 2011/36/EU art. 11(3)).
 *
 * @param pendingBy the user who asked for {@code pending}, {@code null} when nothing is pending
 */
public record CaseFile(
    UUID id,
    CaseStatus status,
    Transition pending,
    UUID pendingBy,
    Instant pendingAt,
    Instant closedAt,
    int version) {

  /** The result of asking for a transition: the new state, and whether it moved or waits. */
  public record Outcome(CaseFile file, boolean moved) {}

  /**
   * Asks for {@code transition} by {@code by}. When the transition is in {@code needsApproval} the
   * case keeps its status and the request waits for a supervisor; otherwise it moves now.
   */
  public Outcome request(
      Transition transition, UUID by, Set<Transition> needsApproval, Instant at) {
    if (pending != null) {
      throw new CaseRefused(Reason.TRANSITION_PENDING);
    }
    if (!transition.allowedFrom(status)) {
      throw new CaseRefused(Reason.ILLEGAL_TRANSITION);
    }
    if (needsApproval.contains(transition)) {
      return new Outcome(new CaseFile(id, status, transition, by, at, closedAt, version), false);
    }
    return new Outcome(apply(transition, at), true);
  }

  /** A supervisor approves the pending transition; the case moves. */
  public CaseFile approve(UUID supervisor, Instant at) {
    requirePending(supervisor);
    return apply(pending, at);
  }

  /** A supervisor rejects the pending transition; the case stays where it was. */
  public CaseFile reject(UUID supervisor) {
    requirePending(supervisor);
    return new CaseFile(id, status, null, null, null, closedAt, version);
  }

  private void requirePending(UUID supervisor) {
    if (pending == null) {
      throw new CaseRefused(Reason.NOTHING_PENDING);
    }
    if (pending.allowedFrom(status) && supervisor.equals(pendingBy)) {
      throw new CaseRefused(Reason.SELF_APPROVAL);
    }
    if (!pending.allowedFrom(status)) {
      throw new CaseRefused(Reason.ILLEGAL_TRANSITION);
    }
  }

  private CaseFile apply(Transition t, Instant at) {
    Instant closed = t.to() == CaseStatus.CLOSED ? at : t == Transition.REOPEN ? null : closedAt;
    return new CaseFile(id, t.to(), null, null, null, closed, version);
  }
}
