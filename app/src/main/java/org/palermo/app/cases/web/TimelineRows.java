package org.palermo.app.cases.web;

import java.util.ArrayList;
import java.util.List;
import org.palermo.app.cases.CaseTimeline.Entry;

/**
 * The case timeline as the page shows it (issue #14 item 19): newest first, each entry with its
 * detail and a link to the section of the case where it was recorded.
 */
final class TimelineRows {
  private TimelineRows() {}

  /** One entry and the case section ({@code cases/nav}) that holds what it records. */
  record Row(Entry entry, String section) {}

  static List<Row> newestFirst(List<Entry> oldestFirst) {
    List<Row> rows = new ArrayList<>(oldestFirst.size());
    for (int i = oldestFirst.size() - 1; i >= 0; i--) {
      Entry e = oldestFirst.get(i);
      rows.add(new Row(e, section(e.kind())));
    }
    return rows;
  }

  /** The section of the case where an entry of this kind is recorded. */
  static String section(String kind) {
    if (kind == null) {
      return "overview";
    }
    if (kind.startsWith("task.") || kind.equals("protection.guardianTaskOpened")) {
      return "tasks";
    }
    if (kind.startsWith("referral.")) {
      return "referrals";
    }
    if (kind.startsWith("care.assessment.")) {
      return "assessments";
    }
    if (kind.startsWith("care.plan.")) {
      return "support-plan";
    }
    if (kind.startsWith("care.service.")) {
      return "services";
    }
    if (kind.startsWith("care.note.")) {
      return "notes";
    }
    if (kind.startsWith("care.attachment.")) {
      return "attachments";
    }
    if (kind.startsWith("protection.")) {
      String k = kind.substring("protection.".length());
      if (k.equals("linkRecorded")) {
        return "links";
      }
      if (k.startsWith("proceeding") || k.equals("nonPunishmentNotice")) {
        return "non-punishment";
      }
      if (k.equals("returnRecorded") || k.startsWith("followUp") || k.equals("riskAssessed")) {
        return "return";
      }
      if (k.equals("residenceRecorded")
          || k.equals("reflectionStarted")
          || k.equals("cooperationRecorded")) {
        return "residence";
      }
      return "child";
    }
    return "overview";
  }
}
