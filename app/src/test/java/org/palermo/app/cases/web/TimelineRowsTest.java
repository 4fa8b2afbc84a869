package org.palermo.app.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.cases.CaseTimeline.Entry;

/** The case timeline page: newest first, each entry linked to its section (issue #14 item 19). */
class TimelineRowsTest {
  static final UUID CASE = UUID.randomUUID();

  static Entry entry(long id, String kind) {
    return new Entry(
        id, CASE, Instant.parse("2026-01-01T10:00:00Z").plusSeconds(id), "u", "a", kind, "");
  }

  @Test
  void the_newest_entry_comes_first_and_each_links_to_where_it_was_recorded() {
    List<TimelineRows.Row> rows =
        TimelineRows.newestFirst(
            List.of(
                entry(1, "case.registered"),
                entry(2, "task.created"),
                entry(3, "referral.sent"),
                entry(4, "care.note.added"),
                entry(5, "protection.residenceRecorded")));
    assertThat(rows).extracting(r -> r.entry().id()).containsExactly(5L, 4L, 3L, 2L, 1L);
    assertThat(rows)
        .extracting(TimelineRows.Row::section)
        .containsExactly("residence", "notes", "referrals", "tasks", "overview");
  }

  @Test
  void every_section_named_is_one_of_the_case_menu() {
    List<String> menu =
        List.of(
            "overview",
            "timeline",
            "tasks",
            "assessments",
            "support-plan",
            "services",
            "notes",
            "attachments",
            "referrals",
            "child",
            "links",
            "non-punishment",
            "return",
            "residence",
            "summary");
    for (String kind :
        List.of(
            "care.assessment.recorded",
            "care.plan.objectiveAdded",
            "care.service.delivered",
            "care.attachment.uploaded",
            "protection.linkRecorded",
            "protection.proceedingRecorded",
            "protection.nonPunishmentNotice",
            "protection.returnRecorded",
            "protection.followUpDone",
            "protection.ageAssessed",
            "protection.guardianTaskOpened",
            "identification.screeningLinked",
            "unknown.kind")) {
      assertThat(menu).contains(TimelineRows.section(kind));
    }
  }
}
