-- Issue 14 item 10: closing a case asks for a reason. The reason is a code (never free text: the
-- optional note goes to the sealed case notes); cleared when the case is reopened.
ALTER TABLE case_file ADD COLUMN closure_reason TEXT
  CHECK (closure_reason IN ('GOALS_MET', 'PERSON_DECLINED', 'REFERRED_ELSEWHERE',
    'RETURNED_OR_RELOCATED', 'LOST_CONTACT', 'NOT_IN_SCOPE', 'DUPLICATE', 'OTHER'));
