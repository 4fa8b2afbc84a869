package org.palermo.app.access;

/**
 * What an agency does. The type decides, with the role, what its users may see: enforcement
 * agencies are kept behind the assistance–enforcement firewall (SECURITY.md rule 3).
 */
public enum AgencyType {
  SERVICE_PROVIDER,
  CHILD_PROTECTION,
  COMPETENT_AUTHORITY,
  LAW_ENFORCEMENT,
  IMMIGRATION_ENFORCEMENT,
  LABOUR_INSPECTION,
  CONSULATE,
  STATISTICS_OFFICE,
  COORDINATION;

  /** Agencies whose function is enforcement, held behind the firewall. */
  public boolean isEnforcement() {
    return this == LAW_ENFORCEMENT || this == IMMIGRATION_ENFORCEMENT;
  }
}
