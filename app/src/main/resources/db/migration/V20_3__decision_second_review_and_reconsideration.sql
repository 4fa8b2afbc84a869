-- Reasoned and reviewable decisions, what was still missing (issue 13 §2).
--
-- 1. A negative decision is proposed, then confirmed (issued) or returned by the second reviewer the
--    decider named: review_state, when the reviewer acted, and the reason of a return (sealed, like
--    the grounds). A procedure may now hold several decisions of one kind (a returned proposal, a
--    decision on reconsideration that supersedes the one reconsidered), so the one-per-kind key goes.
-- 2. The evidence considered, as codes of a fixed vocabulary, a description of "other" evidence
--    (sealed), and the statement that credibility was assessed with trauma in mind. Decisions taken
--    before this version have none recorded: the check is NOT VALID, so it holds for new rows only.
-- 3. Requests for reconsideration, which reopen the procedure with their own deadline.
ALTER TABLE identification_decision
  DROP CONSTRAINT IF EXISTS identification_decision_procedure_id_kind_key;

ALTER TABLE identification_decision
  ADD COLUMN review_state TEXT NOT NULL DEFAULT 'ISSUED'
    CHECK (review_state IN ('ISSUED', 'AWAITING_REVIEW', 'RETURNED')),
  ADD COLUMN reviewed_at TIMESTAMPTZ,
  ADD COLUMN reviewed_on DATE,
  ADD COLUMN return_reason_sealed BYTEA,
  ADD COLUMN evidence TEXT[] NOT NULL DEFAULT '{}',
  ADD COLUMN evidence_other_sealed BYTEA,
  ADD COLUMN credibility_trauma_informed BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN supersedes UUID REFERENCES identification_decision (id);

ALTER TABLE identification_decision
  ADD CONSTRAINT identification_decision_evidence_recorded
    CHECK (cardinality(evidence) > 0 AND credibility_trauma_informed) NOT VALID,
  ADD CONSTRAINT identification_decision_evidence_known
    CHECK (evidence <@ ARRAY['FIRST_RESPONDER_REFERRAL', 'PERSONS_ACCOUNT',
      'SUPPORT_PROVIDER_REPORT', 'MEDICAL', 'PSYCHOLOGICAL', 'OTHER_AGENCIES', 'DOCUMENTARY',
      'OTHER']::TEXT[]),
  -- The named reviewer is never the decider; a positive decision is issued at once.
  ADD CONSTRAINT identification_decision_review_state
    CHECK (review_state = 'ISSUED' OR trafficking_status = 'NotAVictimOfTrafficking');

CREATE TABLE identification_reconsideration (
  id                        UUID PRIMARY KEY,
  procedure_id              UUID NOT NULL REFERENCES identification_procedure (id),
  decision_id               UUID NOT NULL UNIQUE REFERENCES identification_decision (id),
  requested_by              TEXT NOT NULL CHECK (requested_by IN ('PERSON', 'LEGAL_REPRESENTATIVE',
                              'GUARDIAN', 'OTHER_REPRESENTATIVE')),
  representative_name_sealed BYTEA,
  grounds_sealed            BYTEA NOT NULL,
  received_on               DATE NOT NULL,
  recorded_by               UUID NOT NULL REFERENCES app_user (id),
  recorded_by_name          TEXT NOT NULL,
  recorded_at               TIMESTAMPTZ NOT NULL,
  due_on                    DATE NOT NULL,
  outcome_decision_id       UUID REFERENCES identification_decision (id)
);
CREATE INDEX identification_reconsideration_procedure
  ON identification_reconsideration (procedure_id);

-- The deadline of the decision on an open reconsideration, for the authority's overdue list.
ALTER TABLE identification_procedure ADD COLUMN reconsideration_due DATE;
