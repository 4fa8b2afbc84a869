package org.palermo.app.cases.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of {@code GET /api/v1/cases/{id}/child} keeps its guardian members now that the API
 * answers with the domain's {@link ChildSafeguards.Guardian} instead of a copy of it (issue #12):
 * exactly the eleven members, with their values, and nothing the record computes.
 */
class ChildResponseJsonTest {
  @Test
  void a_guardian_is_written_with_exactly_its_eleven_members() {
    UUID id = UUID.randomUUID();
    UUID agency = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    ChildSafeguards.Guardian g =
        new ChildSafeguards.Guardian(
            id,
            "A. Guardian",
            "Guardianship service",
            "Family court",
            LocalDate.of(2026, 3, 1),
            null,
            agency,
            "Child protection agency",
            user,
            "guardian1",
            "+33 1 00 00 00 00");
    ChildSafeguards.ChildRecord r =
        new ChildSafeguards.ChildRecord(
            UUID.randomUUID(), "C-1", true, false, true, false, false, List.of(g), List.of());

    JsonNode guardian =
        JsonMapper.builder()
            .build()
            .valueToTree(ProtectionApiRecords.ChildResponse.of(r))
            .get("guardians")
            .get(0);

    List<String> names = new ArrayList<>(guardian.propertyNames());
    assertThat(names)
        .containsExactlyInAnyOrder(
            "id",
            "guardianName",
            "organisation",
            "authority",
            "appointedOn",
            "endedOn",
            "agencyId",
            "agencyName",
            "userId",
            "username",
            "contact");
    assertThat(guardian.get("id").asString()).isEqualTo(id.toString());
    assertThat(guardian.get("guardianName").asString()).isEqualTo("A. Guardian");
    assertThat(guardian.get("appointedOn").asString()).isEqualTo("2026-03-01");
    assertThat(guardian.get("endedOn").isNull()).isTrue();
    assertThat(guardian.get("agencyId").asString()).isEqualTo(agency.toString());
    assertThat(guardian.get("userId").asString()).isEqualTo(user.toString());
    assertThat(guardian.get("contact").asString()).isEqualTo("+33 1 00 00 00 00");
  }
}
