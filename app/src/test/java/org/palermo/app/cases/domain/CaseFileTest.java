package org.palermo.app.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.cases.CaseStatus;
import org.palermo.app.cases.domain.CaseRefused.Reason;

class CaseFileTest {
  static final Instant NOW = Instant.parse("2026-07-01T10:00:00Z");
  static final UUID WORKER = UUID.randomUUID();
  static final UUID SUPERVISOR = UUID.randomUUID();

  static CaseFile at(CaseStatus status) {
    return new CaseFile(UUID.randomUUID(), status, null, null, null, null, 0);
  }

  static CaseFile move(CaseFile f, Transition t) {
    CaseFile.Outcome o = f.request(t, WORKER, Set.of(), NOW);
    assertThat(o.moved()).isTrue();
    return o.file();
  }

  @Test
  void the_whole_lifecycle_runs_from_identified_to_closed_and_a_closed_case_reopens() {
    CaseFile f = at(CaseStatus.IDENTIFIED);
    f = move(f, Transition.OPEN);
    assertThat(f.status()).isEqualTo(CaseStatus.OPEN);
    f = move(f, Transition.START_ASSESSMENT);
    f = move(f, Transition.PLAN_SUPPORT);
    f = move(f, Transition.DELIVER_SERVICES);
    assertThat(f.status()).isEqualTo(CaseStatus.SERVICES);
    f = move(f, Transition.CLOSE);
    assertThat(f.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(f.closedAt()).isEqualTo(NOW);
    f = move(f, Transition.REOPEN);
    assertThat(f.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(f.closedAt()).isNull();
  }

  @Test
  void skipping_a_stage_is_refused() {
    assertThatThrownBy(
            () ->
                at(CaseStatus.IDENTIFIED)
                    .request(Transition.DELIVER_SERVICES, WORKER, Set.of(), NOW))
        .isInstanceOf(CaseRefused.class)
        .extracting(e -> ((CaseRefused) e).reason())
        .isEqualTo(Reason.ILLEGAL_TRANSITION);
    assertThatThrownBy(
            () -> at(CaseStatus.OPEN).request(Transition.PLAN_SUPPORT, WORKER, Set.of(), NOW))
        .isInstanceOf(CaseRefused.class);
  }

  @Test
  void a_closed_case_only_reopens_and_an_open_case_cannot_be_reopened() {
    for (Transition t : Transition.values()) {
      if (t == Transition.REOPEN) {
        continue;
      }
      assertThatThrownBy(() -> at(CaseStatus.CLOSED).request(t, WORKER, Set.of(), NOW))
          .as(t.name())
          .isInstanceOf(CaseRefused.class);
    }
    assertThatThrownBy(() -> at(CaseStatus.OPEN).request(Transition.REOPEN, WORKER, Set.of(), NOW))
        .isInstanceOf(CaseRefused.class);
  }

  @Test
  void every_status_allows_exactly_the_documented_moves() {
    assertThat(Transition.from(CaseStatus.IDENTIFIED))
        .containsExactly(Transition.OPEN, Transition.CLOSE);
    assertThat(Transition.from(CaseStatus.SERVICES))
        .containsExactly(Transition.REASSESS, Transition.CLOSE);
    assertThat(Transition.from(CaseStatus.CLOSED)).containsExactly(Transition.REOPEN);
  }

  @Test
  void a_transition_that_needs_approval_waits_and_blocks_other_moves_until_a_supervisor_decides() {
    CaseFile.Outcome asked =
        at(CaseStatus.SERVICES).request(Transition.CLOSE, WORKER, Set.of(Transition.CLOSE), NOW);
    assertThat(asked.moved()).isFalse();
    CaseFile pending = asked.file();
    assertThat(pending.status()).isEqualTo(CaseStatus.SERVICES);
    assertThat(pending.pending()).isEqualTo(Transition.CLOSE);
    assertThatThrownBy(() -> pending.request(Transition.REASSESS, WORKER, Set.of(), NOW))
        .extracting(e -> ((CaseRefused) e).reason())
        .isEqualTo(Reason.TRANSITION_PENDING);
    assertThatThrownBy(() -> pending.approve(WORKER, NOW))
        .extracting(e -> ((CaseRefused) e).reason())
        .isEqualTo(Reason.SELF_APPROVAL);
    CaseFile closed = pending.approve(SUPERVISOR, NOW);
    assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(closed.pending()).isNull();
    CaseFile kept = pending.reject(SUPERVISOR);
    assertThat(kept.status()).isEqualTo(CaseStatus.SERVICES);
    assertThat(kept.pending()).isNull();
    assertThatThrownBy(() -> kept.approve(SUPERVISOR, NOW))
        .extracting(e -> ((CaseRefused) e).reason())
        .isEqualTo(Reason.NOTHING_PENDING);
  }
}
