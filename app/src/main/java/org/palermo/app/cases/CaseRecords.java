package org.palermo.app.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a person with a case. The protection issue replaces this with the full use cases
 * (search-before-create, consent, assignment); for now it serves the demo seeder.
 */
@Service
public class CaseRecords {
  private final JdbcClient jdbc;
  private final Clock clock;

  CaseRecords(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A person to register, with the case that is opened for them. */
  public record NewPersonCase(
      String givenName,
      String familyName,
      LocalDate birthDate,
      boolean birthDateEstimated,
      String gender,
      List<String> citizenships,
      List<String> languages,
      LegalBasis legalBasis,
      String purpose,
      UUID ownerAgencyId,
      CaseStatus status,
      Instant openedAt,
      boolean synthetic) {}

  /** Stores the person and the case; returns the case reference. */
  @Transactional
  public String register(NewPersonCase c) {
    UUID personId = UUID.randomUUID();
    Instant now = clock.instant();
    String fullName = c.familyName() == null ? c.givenName() : c.givenName() + " " + c.familyName();
    jdbc.sql(
            """
            INSERT INTO person (id, given_name, family_name, name_latin, birth_date,
              birth_date_estimated, gender, citizenships, languages, legal_basis, purpose,
              owner_agency_id, synthetic, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?)""")
        .params(
            personId,
            c.givenName(),
            c.familyName(),
            Names.searchKey(fullName),
            c.birthDate(),
            c.birthDateEstimated(),
            c.gender(),
            pgArray(c.citizenships()),
            pgArray(c.languages()),
            c.legalBasis().name(),
            c.purpose(),
            c.ownerAgencyId(),
            c.synthetic(),
            Timestamp.from(now))
        .update();
    long n = jdbc.sql("SELECT nextval('case_reference_seq')").query(Long.class).single();
    String reference =
        String.format("PAL-%d-%06d", c.openedAt().atZone(clock.getZone()).getYear(), n);
    jdbc.sql(
            """
            INSERT INTO case_file (id, reference, person_id, owner_agency_id, status, opened_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(
            UUID.randomUUID(),
            reference,
            personId,
            c.ownerAgencyId(),
            c.status().name(),
            Timestamp.from(c.openedAt()))
        .update();
    return reference;
  }

  private static String pgArray(List<String> values) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return b.append('}').toString();
  }
}
