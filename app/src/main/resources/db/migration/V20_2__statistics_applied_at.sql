-- When the read model last applied an event to each row (issue 12 §3): pages answer at once with
-- "figures as of" the latest of these instead of waiting for events still on their way.
-- statistics_victim.received_at already says it for victims.
ALTER TABLE statistics_referral_step ADD COLUMN applied_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE statistics_service ADD COLUMN applied_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE statistics_decision ADD COLUMN applied_at TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX statistics_victim_received_idx ON statistics_victim (received_at);
CREATE INDEX statistics_referral_step_applied_idx ON statistics_referral_step (applied_at);
CREATE INDEX statistics_service_applied_idx ON statistics_service (applied_at);
CREATE INDEX statistics_decision_applied_idx ON statistics_decision (applied_at);
