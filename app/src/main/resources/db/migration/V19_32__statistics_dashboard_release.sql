-- The noisy answers given to aggregate-only (enforcement) users of the statistics dashboard (issue
-- #11 item 7): one row per view (period, region, agency type), its noisy counts as released. A
-- view asked again is answered from here, so asking the same question many times cannot average
-- the noise away, and only a new view spends privacy budget (privacy_ledger, one dataset per
-- calendar quarter, "dashboard-victims-2026Q1").

CREATE TABLE statistics_dashboard_release (
  view_key     TEXT PRIMARY KEY,
  counts       TEXT NOT NULL,
  released_at  TIMESTAMPTZ NOT NULL
);
