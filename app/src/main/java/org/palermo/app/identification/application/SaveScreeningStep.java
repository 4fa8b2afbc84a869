package org.palermo.app.identification.application;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.identification.persistence.ScreeningStore;
import org.palermo.app.identification.screening.Questionnaire;
import org.palermo.app.identification.screening.Screening;
import org.palermo.app.identification.screening.ScreeningRefused;
import org.palermo.app.identification.screening.Step;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves one page of the interview as a draft, so that it can be resumed from any device by the same
 * user or a colleague of the same agency. A page saved after someone else's save of the same
 * screening is refused rather than silently overwriting it.
 */
@Service
public class SaveScreeningStep {
  private final Screenings screenings;
  private final ScreeningStore store;
  private final Questionnaire questionnaire;
  private final IdentificationAudit audit;
  private final Clock clock;

  SaveScreeningStep(
      Screenings screenings,
      ScreeningStore store,
      Questionnaire questionnaire,
      IdentificationAudit audit,
      Clock clock) {
    this.screenings = screenings;
    this.store = store;
    this.questionnaire = questionnaire;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * One page's answers by question id ({@code skip} leaves the page unanswered); {@code
   * expectedVersion} is the version the page was shown at, or null to skip the check.
   */
  public record Command(
      UUID screeningId,
      Step step,
      Map<String, String> answers,
      boolean skip,
      Integer expectedVersion) {
    public Command {
      Objects.requireNonNull(screeningId, "screeningId");
      Objects.requireNonNull(step, "step");
      answers = answers == null ? Map.of() : Map.copyOf(answers);
    }
  }

  /** Where the interview continues, and the version now stored. */
  public record Saved(Step next, int version) {}

  @Transactional
  public Saved save(PalermoPrincipal who, Command command) {
    Screening screening =
        screenings.owned(who, command.screeningId(), "identification.screening.save").screening();
    if (!mergeable(screening, command, who)) {
      checkVersion(screening, command.expectedVersion());
    }
    Step next;
    try {
      next =
          command.skip()
              ? screening.skip(questionnaire, command.step(), who.userId(), clock.instant())
              : screening.answer(
                  questionnaire, command.step(), command.answers(), who.userId(), clock.instant());
    } catch (ScreeningRefused e) {
      throw Refusals.of(e);
    }
    if (!store.update(screening)) {
      throw Refusals.stale();
    }
    audit.success(
        who,
        "identification.screening.save",
        screening.id(),
        "step="
            + command.step().slug()
            + (command.skip() ? " skipped" : " answered=" + command.answers().size()));
    return new Saved(next, screening.version() + 1);
  }

  /** Replaces the basis page of a draft. */
  @Transactional
  public int saveBasis(
      PalermoPrincipal who, UUID screeningId, StartScreening.Command basis, Integer version) {
    Screening screening =
        screenings.owned(who, screeningId, "identification.screening.save").screening();
    checkVersion(screening, version);
    try {
      screening.changeBasis(basis.basis(), who.userId(), clock.instant());
    } catch (ScreeningRefused e) {
      throw Refusals.of(e);
    }
    if (!store.update(screening)) {
      throw Refusals.stale();
    }
    audit.success(
        who,
        "identification.screening.save",
        screeningId,
        "step=basis basis=" + basis.legalBasis());
    return screening.version() + 1;
  }

  /**
   * Whether a page saved from an older version (the browser's Back button, a second tab) can be
   * applied to the latest one without losing anybody's input (issue #14 item 4): when the latest
   * save was the user's own, the page's answers replace that page as any save does; when it was a
   * colleague's, only if the colleague left every question of this page unanswered or answered it
   * the same way. Anything else is refused as stale, and the page shows the latest version.
   */
  private boolean mergeable(Screening screening, Command command, PalermoPrincipal who) {
    if (command.expectedVersion() == null
        || command.expectedVersion() == screening.version()
        || command.expectedVersion() > screening.version()) {
      return false;
    }
    Screening.Snapshot latest = screening.snapshot();
    if (who.userId().equals(latest.updatedBy())) {
      return true;
    }
    if (command.skip() || !command.step().asksQuestions()) {
      return false;
    }
    for (var question : questionnaire.questions(command.step(), screening.variant())) {
      String stored = latest.answers() == null ? null : latest.answers().get(question.id());
      String given = command.answers().get(question.id());
      if (stored != null && !stored.equals(given)) {
        return false;
      }
    }
    return true;
  }

  static void checkVersion(Screening screening, Integer expected) {
    if (expected != null && expected != screening.version()) {
      throw Refusals.stale();
    }
  }
}
