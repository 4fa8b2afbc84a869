-- SDG 16.2.2 counts detected victims of trafficking, indicated or identified (issue #13 §6): the
-- read model keeps the trafficking status the person was registered with (a later identification
-- decision, in statistics_decision, overrides it) and the age when the exploitation began, which
-- the indicator's age groups use where it is known. A row without a status
-- and without a decision is not counted.

ALTER TABLE statistics_victim
  ADD COLUMN trafficking_status     TEXT,
  ADD COLUMN age_at_exploitation    INT,
  ADD COLUMN minor_at_exploitation  BOOLEAN;

-- Backfill once from the person's recorded status, so that an upgrade does not drop the victims
-- already counted; the age at exploitation cannot be backfilled (the journey is sealed).
UPDATE statistics_victim v SET trafficking_status = p.trafficking_status
FROM case_file c JOIN person p ON p.id = c.person_id
WHERE c.id = v.case_id AND v.trafficking_status IS NULL;

-- The latest decision of a case, looked up for every victim counted.
CREATE INDEX statistics_decision_case_idx ON statistics_decision (case_id, decided_at DESC);
