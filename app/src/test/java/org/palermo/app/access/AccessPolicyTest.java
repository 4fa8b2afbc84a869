package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.palermo.app.access.AccessPolicy.Access;

/** The rule table of {@link AccessPolicy}, decided without a database. */
class AccessPolicyTest {
  static final Set<FieldGroup> ALL = EnumSet.allOf(FieldGroup.class);

  static PalermoPrincipal user(AgencyType type, Role... roles) {
    return new PalermoPrincipal(
        UUID.randomUUID(), "u", "U", UUID.randomUUID(), "A", type, Set.of(roles));
  }

  static Set<FieldGroup> read(PalermoPrincipal p, Set<Relationship> rel, Set<FieldGroup> disc) {
    return AccessPolicy.decide(p, rel, disc, Access.READ, Purpose.ASSISTANCE);
  }

  @Test
  void caseworker_of_the_owning_agency_reads_and_writes_everything() {
    PalermoPrincipal p = user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    assertThat(read(p, Set.of(Relationship.OWNER), Set.of())).isEqualTo(ALL);
    assertThat(
            AccessPolicy.decide(
                p, Set.of(Relationship.OWNER), Set.of(), Access.WRITE, Purpose.ASSISTANCE))
        .isEqualTo(ALL);
  }

  @Test
  void frontline_officer_does_not_read_health() {
    PalermoPrincipal p = user(AgencyType.LABOUR_INSPECTION, Role.FRONTLINE_OFFICER);
    assertThat(read(p, Set.of(Relationship.OWNER), Set.of())).doesNotContain(FieldGroup.HEALTH);
  }

  @Test
  void referral_recipient_reads_only_the_referral_view() {
    PalermoPrincipal p = user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    assertThat(read(p, Set.of(Relationship.REFERRAL_RECIPIENT), Set.of()))
        .isEqualTo(AccessPolicy.REFERRAL_VIEW);
  }

  @Test
  void statistics_purpose_shows_only_statistics() {
    PalermoPrincipal p = user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    assertThat(
            AccessPolicy.decide(
                p, Set.of(Relationship.OWNER), Set.of(), Access.READ, Purpose.STATISTICS))
        .containsExactly(FieldGroup.STATISTICS_ONLY);
  }

  @Test
  void oversight_is_for_the_data_protection_officer_only() {
    PalermoPrincipal dpo = user(AgencyType.SERVICE_PROVIDER, Role.DATA_PROTECTION_OFFICER);
    PalermoPrincipal cw = user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    assertThat(read(dpo, Set.of(Relationship.OWNER), Set.of())).isEmpty();
    assertThat(
            AccessPolicy.decide(
                dpo, Set.of(Relationship.OWNER), Set.of(), Access.READ, Purpose.OVERSIGHT))
        .isEqualTo(ALL);
    assertThat(
            AccessPolicy.decide(
                cw, Set.of(Relationship.OWNER), Set.of(), Access.READ, Purpose.OVERSIGHT))
        .isEmpty();
  }

  @Test
  void disclosure_grants_exactly_the_disclosed_groups_to_law_enforcement() {
    PalermoPrincipal p = user(AgencyType.LAW_ENFORCEMENT, Role.INVESTIGATOR);
    Set<FieldGroup> disclosed = EnumSet.of(FieldGroup.IDENTITY);
    assertThat(read(p, Set.of(Relationship.DISCLOSURE_RECIPIENT), disclosed)).isEqualTo(disclosed);
    assertThat(
            AccessPolicy.decide(
                p,
                Set.of(Relationship.DISCLOSURE_RECIPIENT),
                disclosed,
                Access.WRITE,
                Purpose.ASSISTANCE))
        .isEmpty();
  }

  @Test
  void break_the_glass_reads_for_allowed_roles_and_never_writes() {
    PalermoPrincipal cpo = user(AgencyType.CHILD_PROTECTION, Role.CHILD_PROTECTION_OFFICER);
    PalermoPrincipal cw = user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    assertThat(read(cpo, Set.of(Relationship.BREAK_THE_GLASS), Set.of())).isEqualTo(ALL);
    assertThat(read(cw, Set.of(Relationship.BREAK_THE_GLASS), Set.of())).isEmpty();
    assertThat(
            AccessPolicy.decide(
                cpo,
                Set.of(Relationship.BREAK_THE_GLASS),
                Set.of(),
                Access.WRITE,
                Purpose.ASSISTANCE))
        .isEmpty();
  }

  /**
   * The firewall, over seeded random combinations of roles, relationships (other than owning the
   * case), disclosures and purposes: immigration enforcement never reads a firewalled group; law
   * enforcement reads only what is disclosed; neither ever writes.
   */
  @Test
  void the_firewall_holds_for_every_combination() {
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(20261122L);
    Role[] roles = Role.values();
    Relationship[] others = {
      Relationship.REFERRAL_RECIPIENT,
      Relationship.DISCLOSURE_RECIPIENT,
      Relationship.BREAK_THE_GLASS,
      Relationship.SUPERVISOR
    };
    FieldGroup[] groups = FieldGroup.values();
    for (int i = 0; i < 5000; i++) {
      EnumSet<Role> rs = EnumSet.noneOf(Role.class);
      int nRoles = 1 + random.nextInt(3);
      for (int k = 0; k < nRoles; k++) {
        rs.add(roles[random.nextInt(roles.length)]);
      }
      EnumSet<Relationship> rel = EnumSet.noneOf(Relationship.class);
      for (Relationship r : others) {
        if (random.nextBoolean() && r != Relationship.SUPERVISOR) {
          rel.add(r);
        }
      }
      EnumSet<FieldGroup> disclosed = EnumSet.noneOf(FieldGroup.class);
      for (FieldGroup g : groups) {
        if (random.nextInt(3) == 0) {
          disclosed.add(g);
        }
      }
      if (!rel.contains(Relationship.DISCLOSURE_RECIPIENT)) {
        disclosed.clear();
      }
      Purpose purpose = Purpose.values()[random.nextInt(Purpose.values().length)];
      for (AgencyType type :
          new AgencyType[] {AgencyType.IMMIGRATION_ENFORCEMENT, AgencyType.LAW_ENFORCEMENT}) {
        PalermoPrincipal p =
            new PalermoPrincipal(UUID.randomUUID(), "u", "U", UUID.randomUUID(), "A", type, rs);
        Set<FieldGroup> r = AccessPolicy.decide(p, rel, disclosed, Access.READ, purpose);
        Set<FieldGroup> w = AccessPolicy.decide(p, rel, disclosed, Access.WRITE, purpose);
        assertThat(w).as("%s %s %s writes", type, rs, rel).isEmpty();
        if (type == AgencyType.IMMIGRATION_ENFORCEMENT) {
          assertThat(r).as("%s %s %s %s", type, rs, rel, purpose).isEmpty();
        } else {
          assertThat(disclosed).as("%s %s %s %s", type, rs, rel, purpose).containsAll(r);
        }
      }
    }
  }

  // --- consent scopes (issue 11 item 1) and agency function (issue 13 §2)

  static Set<FieldGroup> decide(
      PalermoPrincipal p, Standing standing, Access access, Purpose purpose) {
    return AccessPolicy.decide(p, standing, Set.of(), access, purpose);
  }

  @Test
  void a_referral_recipient_reads_only_what_the_consent_scope_covers() {
    PalermoPrincipal p = user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    Standing contactOnly =
        new Standing(
            Set.of(Relationship.REFERRAL_RECIPIENT),
            java.util.Map.of(Relationship.REFERRAL_RECIPIENT, Set.of(FieldGroup.CONTACT)));
    assertThat(decide(p, contactOnly, Access.READ, Purpose.ASSISTANCE))
        .containsExactly(FieldGroup.CONTACT);
    // Never more than the referral view, whatever the scope says.
    Standing wide =
        new Standing(
            Set.of(Relationship.REFERRAL_RECIPIENT),
            java.util.Map.of(Relationship.REFERRAL_RECIPIENT, ALL));
    assertThat(decide(p, wide, Access.READ, Purpose.ASSISTANCE))
        .isEqualTo(AccessPolicy.REFERRAL_VIEW);
    // A recipient whose source gives no scope reads nothing (fail closed).
    assertThat(
            decide(
                p,
                Standing.of(Set.of(Relationship.REFERRAL_RECIPIENT)),
                Access.READ,
                Purpose.ASSISTANCE))
        .isEmpty();
  }

  @Test
  void an_owner_by_a_transfer_under_a_narrower_consent_holds_only_that_scope() {
    Set<FieldGroup> scope = EnumSet.of(FieldGroup.IDENTITY, FieldGroup.CONTACT);
    Standing transferred =
        new Standing(Set.of(Relationship.OWNER), java.util.Map.of(Relationship.OWNER, scope));
    PalermoPrincipal worker = user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    assertThat(decide(worker, transferred, Access.READ, Purpose.ASSISTANCE)).isEqualTo(scope);
    assertThat(decide(worker, transferred, Access.WRITE, Purpose.ASSISTANCE)).isEqualTo(scope);
    PalermoPrincipal dpo = user(AgencyType.SERVICE_PROVIDER, Role.DATA_PROTECTION_OFFICER);
    assertThat(decide(dpo, transferred, Access.READ, Purpose.OVERSIGHT)).isEqualTo(scope);
    // An owner without a scope is not limited.
    assertThat(
            decide(
                worker, Standing.of(Set.of(Relationship.OWNER)), Access.READ, Purpose.ASSISTANCE))
        .isEqualTo(ALL);
  }

  @Test
  void a_competent_authority_is_placed_behind_the_firewall_by_its_function() {
    PalermoPrincipal inPolice =
        new PalermoPrincipal(
            UUID.randomUUID(),
            "u",
            "U",
            UUID.randomUUID(),
            "A",
            AgencyType.COMPETENT_AUTHORITY,
            Set.of(Role.COMPETENT_AUTHORITY_OFFICER),
            AgencyType.LAW_ENFORCEMENT);
    PalermoPrincipal independent =
        user(AgencyType.COMPETENT_AUTHORITY, Role.COMPETENT_AUTHORITY_OFFICER);
    Set<Relationship> glass = Set.of(Relationship.BREAK_THE_GLASS);
    assertThat(read(independent, glass, Set.of())).contains(FieldGroup.IDENTITY);
    assertThat(read(inPolice, glass, Set.of())).isEmpty();
    assertThat(read(inPolice, Set.of(Relationship.REFERRAL_RECIPIENT), Set.of())).isEmpty();
    assertThat(inPolice.function().isEnforcement()).isTrue();
    assertThat(
            new Agency(
                    UUID.randomUUID(),
                    "A",
                    AgencyType.COMPETENT_AUTHORITY,
                    "XC",
                    AgencyType.IMMIGRATION_ENFORCEMENT)
                .function())
        .isEqualTo(AgencyType.IMMIGRATION_ENFORCEMENT);
  }
}
