-- Tombstones of the cases whose person was erased (GDPR Art. 17; issue #11/#12 follow-up): the
-- statistics read model keeps their ids only (nothing personal, no date of the case) so that an
-- event about the case still on its way when the person was erased, delivered later, does not
-- write the case back into the figures. Owned by `statistics`.
CREATE TABLE statistics_erased_case (
  case_id   UUID PRIMARY KEY,
  erased_at TIMESTAMPTZ NOT NULL
);
