-- One cooperation record (issue #12 §2). Whether the person cooperates with the authorities was
-- held twice with two vocabularies: `person.cooperation` (V11: NOT_ASKED, COOPERATING, DECLINED,
-- written by the person form) and `case_cooperation` (V13: NOT_ASKED, UNDECIDED, AGREED, DECLINED,
-- one current row per case, written by the residence page). Both are replaced by
-- `cooperation_record`, owned by `cases`: one row per statement, with who recorded it and when; the
-- newest row of a case is where cooperation stands. It is information only: no assistance,
-- referral, shelter place or residence step reads it (Trafficking Protocol arts. 6-7; CoE
-- Convention art. 12(6); Directive 2011/36/EU art. 11(3)).
--
-- Mapping of the old values, for every case of the person:
--   person.cooperation NOT_ASKED   -> NOT_ASKED
--   person.cooperation COOPERATING -> AGREED
--   person.cooperation DECLINED    -> DECLINED
--   case_cooperation.status        -> the same value (already the new vocabulary)
-- The person's value is dated by person.updated_at (else person.created_at) and recorded by
-- 'migration:person.cooperation' (the person form kept no author).
-- When a case has both, one value is kept: the more informative one (any value other than
-- NOT_ASKED beats NOT_ASKED); between two equally informative values, the more recent one; on the
-- same instant, the case's own record.
CREATE TABLE cooperation_record (
  id          UUID PRIMARY KEY,
  case_id     UUID NOT NULL REFERENCES case_file (id),
  status      TEXT NOT NULL CHECK (status IN ('NOT_ASKED', 'UNDECIDED', 'AGREED', 'DECLINED')),
  recorded_by TEXT NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX cooperation_record_case_idx ON cooperation_record (case_id, recorded_at DESC);

INSERT INTO cooperation_record (id, case_id, status, recorded_by, recorded_at)
SELECT gen_random_uuid(), case_id, status, recorded_by, recorded_at
FROM (
  SELECT DISTINCT ON (case_id) case_id, status, recorded_by, recorded_at
  FROM (
    SELECT case_id, status, recorded_by, recorded_at, 0 AS from_person
    FROM case_cooperation
    UNION ALL
    SELECT c.id,
           CASE p.cooperation WHEN 'COOPERATING' THEN 'AGREED' ELSE p.cooperation END,
           'migration:person.cooperation',
           COALESCE(p.updated_at, p.created_at),
           1
    FROM person p JOIN case_file c ON c.person_id = p.id
    WHERE p.cooperation IS NOT NULL
  ) candidates
  ORDER BY case_id, (status <> 'NOT_ASKED') DESC, recorded_at DESC, from_person
) chosen;

DROP TABLE case_cooperation;
ALTER TABLE person DROP COLUMN cooperation;
