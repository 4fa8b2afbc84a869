-- The instance's public holidays (platform.calendar.PublicHolidays): working-day deadlines skip
-- them (issue 13 §2). Imported from iCalendar or CSV; one row per date.
CREATE TABLE public_holiday (
  day         DATE PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  source      TEXT NOT NULL,
  imported_at TIMESTAMPTZ NOT NULL
);
