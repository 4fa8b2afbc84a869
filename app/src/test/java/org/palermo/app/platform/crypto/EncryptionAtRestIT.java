package org.palermo.app.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.cases.CaseStatus;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.platform.PalermoProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Encryption at rest through the real database: a registered person's names and date of birth,
 * screening answers and a TOTP secret appear nowhere in plaintext in any table (the whole database
 * is dumped row by row), yet read back; name search works through blind tokens; and after a master
 * key rotation every data key opens with the new key alone.
 */
@PalermoIntegrationTest
class EncryptionAtRestIT {
  @Autowired CaseRecords records;
  @Autowired CaseLookup lookup;
  @Autowired JdbcClient jdbc;
  @Autowired TestAccounts accounts;
  @Autowired ScreeningFixtures screenings;
  @Autowired BlindIndex index;
  @Autowired KeyRotation rotation;
  @Autowired PalermoProperties properties;

  static final String GIVEN = "Zorabelle";
  static final String FAMILY = "Quintaviusova";
  static final LocalDate BIRTH = LocalDate.of(2011, 7, 14);

  UUID register(String given, String family, LocalDate birth) {
    TestUser cw = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String ref =
        records.register(
            new CaseRecords.NewPersonCase(
                given,
                family,
                birth,
                false,
                "Feminine",
                List.of("XA"),
                List.of("fr"),
                LegalBasis.CONSENT,
                "assistance",
                cw.agency().id(),
                CaseStatus.OPEN,
                Instant.now(),
                true,
                null,
                null,
                null,
                null));
    return jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
        .param(ref)
        .query(UUID.class)
        .single();
  }

  /** Every row of every table of the public schema, as text: what a pg_dump would contain. */
  List<String> dump() {
    List<String> tables =
        jdbc.sql(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_type = 'BASE TABLE'")
            .query(String.class)
            .list();
    List<String> rows = new ArrayList<>();
    for (String t : tables) {
      rows.addAll(
          jdbc.sql("SELECT t::text FROM \"" + t.replace("\"", "") + "\" t")
              .query(String.class)
              .list());
    }
    return rows;
  }

  @Test
  void no_plaintext_name_or_birth_date_in_the_database_yet_the_case_reads() {
    UUID caseId = register(GIVEN, FAMILY, BIRTH);
    String all = String.join("\n", dump()).toLowerCase(Locale.ROOT);
    assertThat(all).doesNotContain(GIVEN.toLowerCase(Locale.ROOT));
    assertThat(all).doesNotContain(FAMILY.toLowerCase(Locale.ROOT));
    assertThat(all).doesNotContain(BIRTH.toString());
    assertThat(all).doesNotContain("2011-07-14").doesNotContain("14/07/2011");
    // The facts other modules rely on still come from the sealed date of birth: a child.
    assertThat(lookup.facts(caseId).orElseThrow().child()).isTrue();
  }

  @Test
  void name_search_finds_the_person_by_blind_tokens_in_any_script() {
    UUID caseId = register("Мария", "Ivanova", LocalDate.of(1990, 1, 2));
    UUID person =
        jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
            .param(caseId)
            .query(UUID.class)
            .single();
    List<String> tokens = new ArrayList<>(index.tokens("Maria IVANOVA"));
    List<UUID> found =
        jdbc.sql(
                "SELECT person_id FROM person_name_token WHERE token IN (?, ?)"
                    + " GROUP BY person_id HAVING count(DISTINCT token) = 2")
            .params(tokens.get(0), tokens.get(1))
            .query(UUID.class)
            .list();
    assertThat(found).contains(person);
  }

  @Test
  void screening_answers_are_sealed_and_read_back() {
    TestUser f = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    UUID screening =
        screenings.completedScreening(ScreeningFixtures.principal(f, Role.FRONTLINE_OFFICER));
    String stored =
        jdbc.sql("SELECT answers::text FROM screening WHERE id = ?")
            .param(screening)
            .query(String.class)
            .single();
    assertThat(stored).contains("\"sealed\"").contains(FieldCipher.PREFIX);
    assertThat(stored).doesNotContain("FORCED_LABOUR").doesNotContain("YES");
    String facts =
        jdbc.sql("SELECT facts::text FROM screening_assessment WHERE screening_id = ?")
            .param(screening)
            .query(String.class)
            .single();
    assertThat(facts).contains(FieldCipher.PREFIX);
  }

  @Test
  void after_rotation_every_record_still_reads_with_the_new_key_alone() {
    UUID caseId = register("Rotaline", "Keyworth", LocalDate.of(1985, 3, 9));
    UUID person =
        jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
            .param(caseId)
            .query(UUID.class)
            .single();
    long keys = jdbc.sql("SELECT count(*) FROM data_key").query(Long.class).single();
    KeyRotation.Result r = rotation.rotate();
    assertThat(r.rewrapped()).isEqualTo((int) keys);
    assertThat(
            jdbc.sql("SELECT count(*) FROM data_key WHERE master_key_id <> ?")
                .param(r.toKeyId())
                .query(Long.class)
                .single())
        .isZero();
    // A fresh key ring read from disk (no cached data keys) opens every data key.
    KeyRing fresh = KeyRing.open(properties.dataDir().resolve("keys"), null);
    assertThat(fresh.ids()).containsExactly(r.toKeyId());
    FieldCipher cipher = new FieldCipher(new DataKeys(jdbc, fresh));
    String given =
        jdbc.sql("SELECT given_name FROM person WHERE id = ?")
            .param(person)
            .query(String.class)
            .single();
    assertThat(cipher.open(person, given)).isEqualTo("Rotaline");
    List<UUID> all = jdbc.sql("SELECT record_id FROM data_key").query(UUID.class).list();
    DataKeys fromDisk = new DataKeys(jdbc, fresh);
    for (UUID id : all) {
      assertThat(fromDisk.forOpening(id).getEncoded()).hasSize(32);
    }
    // Every person registered before the rotation still reads.
    for (UUID c : jdbc.sql("SELECT id FROM case_file").query(UUID.class).list()) {
      assertThat(lookup.facts(c)).isPresent();
    }
  }
}
