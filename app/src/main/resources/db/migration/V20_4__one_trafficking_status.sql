-- One trafficking status per person, derived and never typed (issue 13 §1; issue 12 §2).
-- The evidence it is derived from: each screening classified and each identification decision taken
-- for a case of the person. TraffickingStatus.derive reads it: the latest decision, else the latest
-- screening. A reconsideration that reopens a procedure sets withdrawn_at on the decision it
-- reopens, so that the status falls back to pending.

CREATE TABLE trafficking_status_evidence (
  source_id    UUID PRIMARY KEY,
  person_id    UUID NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  case_id      UUID NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  source       TEXT NOT NULL CHECK (source IN ('SCREENING', 'REASONABLE_GROUNDS',
                 'CONCLUSIVE_GROUNDS')),
  says         TEXT NOT NULL CHECK (says IN ('NOT_INDICATED', 'SMUGGLING_ONLY', 'UNDETERMINED',
                 'INDICATED', 'REASONABLE_GROUNDS', 'REASONABLE_GROUNDS_NOT_MET', 'IDENTIFIED',
                 'NOT_IDENTIFIED')),
  at           TIMESTAMPTZ NOT NULL,
  recorded_at  TIMESTAMPTZ NOT NULL,
  withdrawn_at TIMESTAMPTZ
);
CREATE INDEX trafficking_status_evidence_person_idx ON trafficking_status_evidence (person_id);

-- The screenings already classified and linked to a case.
INSERT INTO trafficking_status_evidence (source_id, person_id, case_id, source, says, at,
  recorded_at)
SELECT s.id, c.person_id, c.id, 'SCREENING',
  CASE a.trafficking_finding
    WHEN 'INDICATED' THEN 'INDICATED'
    WHEN 'UNDETERMINED' THEN 'UNDETERMINED'
    ELSE CASE WHEN a.smuggling_finding = 'INDICATED' THEN 'SMUGGLING_ONLY' ELSE 'NOT_INDICATED' END
  END,
  a.assessed_at, now()
FROM screening s
JOIN screening_assessment a ON a.screening_id = s.id
JOIN case_file c ON c.id = s.case_id;

-- The decisions already taken on a screening linked to a case. A negative reasonable-grounds
-- decision is "threshold not met", not "not a victim".
INSERT INTO trafficking_status_evidence (source_id, person_id, case_id, source, says, at,
  recorded_at)
SELECT d.id, c.person_id, c.id, d.kind,
  CASE
    WHEN d.kind = 'REASONABLE_GROUNDS' AND d.trafficking_status <> 'NotAVictimOfTrafficking'
      THEN 'REASONABLE_GROUNDS'
    WHEN d.kind = 'REASONABLE_GROUNDS' THEN 'REASONABLE_GROUNDS_NOT_MET'
    WHEN d.trafficking_status <> 'NotAVictimOfTrafficking' THEN 'IDENTIFIED'
    ELSE 'NOT_IDENTIFIED'
  END,
  d.decided_at, now()
FROM identification_decision d
JOIN identification_procedure p ON p.id = d.procedure_id
JOIN screening s ON s.id = p.screening_id
JOIN case_file c ON c.id = s.case_id;

-- The hand-typed value is no longer the truth: it stays on each case's timeline as history.
INSERT INTO case_timeline (case_id, at, actor, agency, kind, detail)
SELECT c.id, now(), 'system', '-', 'cases.traffickingStatusHandTypedRetired',
  'handTyped:' || p.trafficking_status
FROM case_file c JOIN person p ON p.id = c.person_id
WHERE p.trafficking_status IS NOT NULL;

ALTER TABLE person DROP COLUMN trafficking_status;
