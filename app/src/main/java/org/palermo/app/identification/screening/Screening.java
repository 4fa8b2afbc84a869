package org.palermo.app.identification.screening;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.palermo.law.Facts;

/**
 * A screening interview of one person, owned by the agency whose user started it. It exists only
 * once its {@link Basis} is recorded, is saved after every page as a draft, and is completed once,
 * after which it is read-only.
 */
public final class Screening {
  private final UUID id;
  private final UUID ownerAgencyId;
  private final UUID createdBy;
  private final Instant createdAt;
  private final int version;
  private Basis basis;
  private Answers answers;
  private Step step;
  private ScreeningStatus status;
  private UUID caseId;
  private UUID updatedBy;
  private Instant updatedAt;
  private Instant completedAt;

  /** Everything the screening holds, for storage. */
  public record Snapshot(
      UUID id,
      UUID ownerAgencyId,
      UUID createdBy,
      Instant createdAt,
      UUID updatedBy,
      Instant updatedAt,
      Basis basis,
      Answers answers,
      Step step,
      ScreeningStatus status,
      UUID caseId,
      Instant completedAt,
      int version) {}

  private Screening(Snapshot s) {
    this.id = Objects.requireNonNull(s.id());
    this.ownerAgencyId = Objects.requireNonNull(s.ownerAgencyId());
    this.createdBy = s.createdBy();
    this.createdAt = s.createdAt();
    this.updatedBy = s.updatedBy();
    this.updatedAt = s.updatedAt();
    this.basis = Objects.requireNonNull(s.basis());
    this.answers = s.answers();
    this.step = s.step();
    this.status = s.status();
    this.caseId = s.caseId();
    this.completedAt = s.completedAt();
    this.version = s.version();
  }

  /** Starts a screening once its basis is recorded; the interview continues with the person. */
  public static Screening start(UUID id, UUID agencyId, UUID by, Basis basis, Instant now) {
    if (basis == null) {
      throw new ScreeningRefused(ScreeningRefused.Reason.LEGAL_BASIS_REQUIRED);
    }
    return new Screening(
        new Snapshot(
            id,
            agencyId,
            by,
            now,
            by,
            now,
            basis,
            Answers.none(),
            Step.PERSON,
            ScreeningStatus.DRAFT,
            null,
            null,
            0));
  }

  public static Screening restore(Snapshot snapshot) {
    return new Screening(snapshot);
  }

  public Snapshot snapshot() {
    return new Snapshot(
        id,
        ownerAgencyId,
        createdBy,
        createdAt,
        updatedBy,
        updatedAt,
        basis,
        answers,
        step,
        status,
        caseId,
        completedAt,
        version);
  }

  /** Replaces the basis page. */
  public void changeBasis(Basis newBasis, UUID by, Instant now) {
    requireDraft();
    this.basis = Objects.requireNonNull(newBasis);
    touch(by, now);
  }

  /**
   * Saves the answers of one page, replacing what that page held, and moves the resume point to the
   * next page. Returns that page.
   */
  public Step answer(
      Questionnaire questionnaire, Step page, Map<String, String> given, UUID by, Instant now) {
    requireDraft();
    Variant variant = variant();
    if (!page.asksQuestions() || !page.in(variant)) {
      throw new ScreeningRefused(ScreeningRefused.Reason.STEP_NOT_IN_INTERVIEW);
    }
    Map<String, String> errors = questionnaire.validate(page, variant, given, answers);
    if (!errors.isEmpty()) {
      throw new ScreeningRefused(ScreeningRefused.Reason.INVALID_ANSWERS, errors);
    }
    answers =
        answers.replace(
            questionnaire.questions(page, variant).stream().map(Question::id).toList(), given);
    step = questionnaire.next(page, variant());
    touch(by, now);
    return step;
  }

  /** Leaves a page unanswered (its facts stay unknown) and moves on; returns the next page. */
  public Step skip(Questionnaire questionnaire, Step page, UUID by, Instant now) {
    requireDraft();
    if (!page.asksQuestions() || !page.in(variant())) {
      throw new ScreeningRefused(ScreeningRefused.Reason.STEP_NOT_IN_INTERVIEW);
    }
    step = questionnaire.next(page, variant());
    touch(by, now);
    return step;
  }

  /** Completes the screening; from now on it is read-only. */
  public void complete(UUID by, Instant now) {
    requireDraft();
    status = ScreeningStatus.COMPLETED;
    step = Step.REVIEW;
    completedAt = now;
    touch(by, now);
  }

  /** Links the screening to a case of the owning agency (checked by the caller). */
  public void linkCase(UUID newCaseId, UUID by, Instant now) {
    this.caseId = Objects.requireNonNull(newCaseId);
    touch(by, now);
  }

  /** The facts the answers establish, with the screening id as the facts' id. */
  public Facts facts(Questionnaire questionnaire) {
    return questionnaire.facts(id.toString(), answers);
  }

  public Variant variant() {
    return Variant.of(answers);
  }

  private void requireDraft() {
    if (status != ScreeningStatus.DRAFT) {
      throw new ScreeningRefused(ScreeningRefused.Reason.COMPLETED);
    }
  }

  private void touch(UUID by, Instant now) {
    updatedBy = by;
    updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID ownerAgencyId() {
    return ownerAgencyId;
  }

  public Basis basis() {
    return basis;
  }

  public Answers answers() {
    return answers;
  }

  /** The page to resume at. */
  public Step step() {
    return step;
  }

  public ScreeningStatus status() {
    return status;
  }

  public UUID caseId() {
    return caseId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public int version() {
    return version;
  }
}
