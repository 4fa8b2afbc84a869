package org.palermo.app.cases;

/** International protection status, from the HTCDS Guidance 7 vocabulary (DOMAIN.md §2). */
public enum ProtectionStatus {
  ASYLUM_SEEKER,
  REFUGEE,
  COMPLEMENTARY_PROTECTION,
  STATELESS,
  NONE
}
