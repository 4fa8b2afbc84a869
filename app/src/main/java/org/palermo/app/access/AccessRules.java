package org.palermo.app.access;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The declarative rule table of {@link AccessPolicy}: for each role, the field groups it may read
 * and write on a case of its own agency (relationship {@link Relationship#OWNER} or {@link
 * Relationship#SUPERVISOR}). Relationships, agency type and purpose then narrow it (see {@link
 * AccessPolicy}). {@code docs/security/authorisation-matrix.md} is generated from this table and a
 * test keeps the two equal.
 */
public final class AccessRules {
  private AccessRules() {}

  /** What one role may do on a case of its own agency. */
  public record Grant(Set<FieldGroup> read, Set<FieldGroup> write) {
    public Grant {
      read = Collections.unmodifiableSet(copy(read));
      write = Collections.unmodifiableSet(copy(write));
    }

    private static EnumSet<FieldGroup> copy(Set<FieldGroup> s) {
      return s.isEmpty() ? EnumSet.noneOf(FieldGroup.class) : EnumSet.copyOf(s);
    }
  }

  private static final Set<FieldGroup> ALL = EnumSet.allOf(FieldGroup.class);
  private static final Set<FieldGroup> NONE = EnumSet.noneOf(FieldGroup.class);

  /** The field groups behind the firewall: never shown to enforcement without a disclosure. */
  public static final Set<FieldGroup> FIREWALLED =
      Collections.unmodifiableSet(
          EnumSet.of(
              FieldGroup.IDENTITY,
              FieldGroup.CONTACT,
              FieldGroup.LOCATION,
              FieldGroup.HEALTH,
              FieldGroup.CASE_NARRATIVE,
              FieldGroup.LEGAL_PROCEEDINGS));

  /**
   * Roles that may break the glass on a case of another agency (SECURITY.md rule 5): the roles that
   * must act on an emergency for a person (a child in danger, a missed identification deadline).
   * Never in an enforcement agency.
   */
  public static final Set<Role> BREAK_THE_GLASS_ROLES =
      Collections.unmodifiableSet(
          EnumSet.of(
              Role.CASE_SUPERVISOR,
              Role.CHILD_PROTECTION_OFFICER,
              Role.COMPETENT_AUTHORITY_OFFICER));

  /** Roles that may record or revoke a disclosure for a case their agency owns. */
  public static final Set<Role> DISCLOSERS =
      Collections.unmodifiableSet(
          EnumSet.of(Role.CASEWORKER, Role.CASE_SUPERVISOR, Role.CHILD_PROTECTION_OFFICER));

  /** Roles that may read what a disclosure grants to their agency. */
  public static final Set<Role> DISCLOSURE_READERS =
      Collections.unmodifiableSet(
          EnumSet.of(
              Role.INVESTIGATOR,
              Role.CASEWORKER,
              Role.CASE_SUPERVISOR,
              Role.CHILD_PROTECTION_OFFICER,
              Role.FRONTLINE_OFFICER,
              Role.COMPETENT_AUTHORITY_OFFICER));

  private static final Map<Role, Grant> OWN_AGENCY = new EnumMap<>(Role.class);

  static {
    OWN_AGENCY.put(Role.ADMIN, new Grant(NONE, NONE));
    OWN_AGENCY.put(
        Role.FRONTLINE_OFFICER,
        new Grant(
            EnumSet.of(
                FieldGroup.IDENTITY,
                FieldGroup.CONTACT,
                FieldGroup.LOCATION,
                FieldGroup.CASE_NARRATIVE,
                FieldGroup.LEGAL_PROCEEDINGS,
                FieldGroup.STATISTICS_ONLY),
            EnumSet.of(
                FieldGroup.IDENTITY,
                FieldGroup.CONTACT,
                FieldGroup.LOCATION,
                FieldGroup.CASE_NARRATIVE,
                FieldGroup.STATISTICS_ONLY)));
    OWN_AGENCY.put(Role.CASEWORKER, new Grant(ALL, ALL));
    OWN_AGENCY.put(Role.CASE_SUPERVISOR, new Grant(ALL, ALL));
    OWN_AGENCY.put(Role.CHILD_PROTECTION_OFFICER, new Grant(ALL, ALL));
    OWN_AGENCY.put(
        Role.COMPETENT_AUTHORITY_OFFICER,
        new Grant(
            EnumSet.of(
                FieldGroup.IDENTITY,
                FieldGroup.CONTACT,
                FieldGroup.LOCATION,
                FieldGroup.CASE_NARRATIVE,
                FieldGroup.LEGAL_PROCEEDINGS,
                FieldGroup.STATISTICS_ONLY),
            EnumSet.of(FieldGroup.LEGAL_PROCEEDINGS, FieldGroup.STATISTICS_ONLY)));
    OWN_AGENCY.put(
        Role.NATIONAL_COORDINATOR, new Grant(EnumSet.of(FieldGroup.STATISTICS_ONLY), NONE));
    OWN_AGENCY.put(Role.STATISTICIAN, new Grant(EnumSet.of(FieldGroup.STATISTICS_ONLY), NONE));
    OWN_AGENCY.put(Role.INVESTIGATOR, new Grant(NONE, NONE));
    // The DPO reads everything of the agency's cases, but only for OVERSIGHT (see AccessPolicy).
    OWN_AGENCY.put(Role.DATA_PROTECTION_OFFICER, new Grant(ALL, NONE));
  }

  /** What {@code role} may read and write on a case of its own agency. */
  public static Grant ownAgency(Role role) {
    return OWN_AGENCY.get(role);
  }

  /** The whole own-agency table, one row per role. */
  public static Map<Role, Grant> ownAgencyTable() {
    return Collections.unmodifiableMap(OWN_AGENCY);
  }
}
