package org.palermo.app.identification.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A request to reconsider a negative decision, made by the person or their representative within
 * the review window (issue 13 §2; CETS 197 art. 10(2); ECHR art. 13, an effective remedy). It
 * reopens the procedure at the stage of the decision it reconsiders, with its own deadline; the new
 * decision supersedes the old one and the history keeps both.
 *
 * @param decisionId the negative decision reconsidered
 * @param requestedBy who asked
 * @param representativeName the representative's name when a representative asked, else null
 * @param grounds why the person asks, in the words recorded
 * @param receivedOn the day the request was received
 * @param recordedBy the user who recorded it
 * @param dueOn the deadline of the new decision (working days from {@code receivedOn})
 * @param outcomeDecisionId the decision that answered it, null while it runs
 */
public record Reconsideration(
    UUID id,
    UUID decisionId,
    Requester requestedBy,
    String representativeName,
    String grounds,
    LocalDate receivedOn,
    UUID recordedBy,
    String recordedByName,
    Instant recordedAt,
    LocalDate dueOn,
    UUID outcomeDecisionId) {

  /** Longest representative name accepted. */
  public static final int MAX_NAME = 200;

  /** Who asked: the person on their own behalf, or a representative on the person's behalf. */
  public enum Requester {
    PERSON,
    LEGAL_REPRESENTATIVE,
    GUARDIAN,
    OTHER_REPRESENTATIVE
  }

  /** Whether it still waits for its decision. */
  public boolean open() {
    return outcomeDecisionId == null;
  }

  Reconsideration answeredBy(UUID decision) {
    return new Reconsideration(
        id,
        decisionId,
        requestedBy,
        representativeName,
        grounds,
        receivedOn,
        recordedBy,
        recordedByName,
        recordedAt,
        dueOn,
        decision);
  }

  /** What is recorded; self-validating. */
  public record Input(
      Requester requestedBy, String representativeName, String grounds, LocalDate receivedOn) {
    public Input {
      if (requestedBy == null) {
        throw new ProcedureRefused(ProcedureRefused.Reason.RECONSIDERATION_REQUESTER_REQUIRED);
      }
      representativeName = representativeName == null ? "" : representativeName.strip();
      if (requestedBy == Requester.PERSON) {
        representativeName = null;
      } else if (representativeName.isEmpty() || representativeName.length() > MAX_NAME) {
        throw new ProcedureRefused(ProcedureRefused.Reason.RECONSIDERATION_REPRESENTATIVE_REQUIRED);
      }
      grounds = grounds == null ? "" : grounds.strip();
      if (grounds.isEmpty()) {
        throw new ProcedureRefused(ProcedureRefused.Reason.GROUNDS_REQUIRED);
      }
      if (grounds.length() > Decision.MAX_GROUNDS) {
        throw new ProcedureRefused(ProcedureRefused.Reason.GROUNDS_TOO_LONG);
      }
      if (receivedOn == null) {
        throw new ProcedureRefused(ProcedureRefused.Reason.RECONSIDERATION_DATE_INVALID);
      }
    }
  }
}
