package org.palermo.app.identification.screening;

/**
 * The parts of the interview: before it, the person, and the three stages of the journey that HTCDS
 * records as historic trafficking events (Recruitment, Transit, Exploitation).
 */
public enum Stage {
  START,
  PERSON,
  RECRUITMENT,
  TRANSIT,
  EXPLOITATION,
  END
}
