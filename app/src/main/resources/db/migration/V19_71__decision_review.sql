-- Reasoned and reviewable decisions (issue 13 §2): each decision records the standard of proof it
-- applied, and a negative decision the second reviewer who concurred before it was issued (the UK
-- NRM multi-agency assurance panels are the model). Decisions taken before this version have
-- neither: the checks are NOT VALID, so they hold for every new row without rewriting old ones.
ALTER TABLE identification_decision
  ADD COLUMN standard_of_proof TEXT CHECK (standard_of_proof IN ('SUSPECTS_BUT_CANNOT_PROVE',
    'BALANCE_OF_PROBABILITIES')),
  ADD COLUMN reviewed_by       UUID REFERENCES app_user (id),
  ADD COLUMN reviewed_by_name  TEXT;
ALTER TABLE identification_decision
  ADD CONSTRAINT identification_decision_negative_reviewed
    CHECK (trafficking_status <> 'NotAVictimOfTrafficking'
      OR (reviewed_by IS NOT NULL AND reviewed_by <> decided_by)) NOT VALID,
  ADD CONSTRAINT identification_decision_standard_recorded
    CHECK (standard_of_proof IS NOT NULL) NOT VALID;
