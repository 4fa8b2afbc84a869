-- The statistics read model's trafficking status is the derived one (cases.TraffickingStatus names,
-- issue 13 §1), kept per case from TraffickingStatusChanged events; "at" orders them, so that an
-- older event never overwrites a newer one whatever order they arrive in. The hand-typed value of
-- statistics_victim.trafficking_status (V19_31) is no longer read.
CREATE TABLE statistics_trafficking_status (
  case_id UUID PRIMARY KEY,
  status  TEXT NOT NULL,
  at      TIMESTAMPTZ NOT NULL
);

INSERT INTO statistics_trafficking_status (case_id, status, at)
SELECT v.case_id, coalesce(
  (SELECT e.says FROM trafficking_status_evidence e
   JOIN case_file c ON c.person_id = e.person_id
   WHERE c.id = v.case_id AND e.withdrawn_at IS NULL
   ORDER BY (e.source <> 'SCREENING') DESC, e.at DESC,
     CASE e.source WHEN 'CONCLUSIVE_GROUNDS' THEN 2 WHEN 'REASONABLE_GROUNDS' THEN 1 ELSE 0 END DESC
   LIMIT 1),
  'NOT_ASSESSED'), now()
FROM statistics_victim v;
