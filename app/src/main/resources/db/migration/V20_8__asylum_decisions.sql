-- Asylum decisions recorded on a case (issue 13 §2, docs/referral.md "The person's protection
-- status"): the person's protection status "asylum seeker", "refugee" or "complementary
-- protection" is changed by a recorded decision only, never by editing the person. A rejection
-- that is not final (an appeal pending or still possible) keeps the person an asylum seeker
-- (Directive 2013/32/EU art. 46(5)). Outcome, dates and the deciding authority only: no grounds.
-- Legal-proceedings field group.
CREATE TABLE asylum_decision (
  id          UUID PRIMARY KEY,
  case_id     UUID NOT NULL REFERENCES case_file (id),
  outcome     TEXT NOT NULL CHECK (outcome IN ('GRANTED_REFUGEE', 'GRANTED_COMPLEMENTARY',
                'REJECTED', 'WITHDRAWN')),
  decided_on  DATE NOT NULL,
  authority   TEXT NOT NULL,
  final       BOOLEAN NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX asylum_decision_case_idx ON asylum_decision (case_id);
