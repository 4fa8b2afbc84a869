package org.palermo.app.identification.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.palermo.app.identification.persistence.ProcedureStore;
import org.palermo.app.identification.procedure.ProcedureStage;
import org.palermo.app.platform.calendar.WorkingCalendar;

/**
 * The competent authority's work list (issue 14 item 12): every referral awaiting its decision,
 * with the case reference, the child and age-disputed flags, how urgent it is, the referring agency
 * and the due date, sortable and filterable on the server. The due date is the deadline the
 * procedure computed on the working-day calendar (reasonable grounds within 5 working days: CETS
 * 197 art. 10(2); conclusive after the recovery and reflection period: art. 13(1)). A child (stated
 * age under 18 or age disputed: presumed a child, CETS 197 art. 10(3); Directive 2011/36/EU art.
 * 13(2)) is shown first among equally urgent referrals.
 */
public final class AuthorityWorkList {
  private AuthorityWorkList() {}

  /** Working days before the deadline within which a decision counts as due soon. */
  public static final int SOON_WORKING_DAYS = 2;

  /** How urgent a decision is on a day, most urgent first. */
  public enum Urgency {
    LATE,
    SOON,
    ON_TIME,
    NONE;

    static Urgency of(LocalDate due, LocalDate today, WorkingCalendar calendar) {
      if (due == null) {
        return NONE;
      }
      if (today.isAfter(due)) {
        return LATE;
      }
      return calendar.add(today, SOON_WORKING_DAYS).isBefore(due) ? ON_TIME : SOON;
    }
  }

  /** The columns the list sorts by. */
  public enum Sort {
    URGENCY,
    DUE,
    REFERRED,
    REFERENCE,
    AGENCY;

    /**
     * The sort named by a query parameter ({@code due}, {@code agency}…), {@link #URGENCY} else.
     */
    public static Sort of(String value) {
      if (value != null) {
        for (Sort s : values()) {
          if (s.name().equalsIgnoreCase(value.strip())) {
            return s;
          }
        }
      }
      return URGENCY;
    }

    public String param() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What to show: {@code null} filters admit everything; {@code agency} is a referring agency's
   * name, exactly.
   */
  public record Filter(
      ProcedureStage stage,
      Boolean child,
      Boolean ageDisputed,
      Urgency urgency,
      String agency,
      Sort sort,
      boolean descending) {
    public static Filter all() {
      return new Filter(null, null, null, null, null, Sort.URGENCY, false);
    }

    boolean admits(Row r) {
      return (stage == null || r.stage() == stage)
          && (child == null || r.child() == child)
          && (ageDisputed == null || r.ageDisputed() == ageDisputed)
          && (urgency == null || r.urgency() == urgency)
          && (agency == null || agency.equals(r.referringAgency()));
    }
  }

  /** One referral awaiting a decision: references, flags and dates, never the person's name. */
  public record Row(
      UUID screeningId,
      String caseReference,
      boolean child,
      boolean ageDisputed,
      Urgency urgency,
      String referringAgency,
      LocalDate referredOn,
      ProcedureStage stage,
      LocalDate dueOn) {}

  /** The list as shown, with the referring agencies of every row (for the agency filter). */
  public record Shown(
      LocalDate today, Filter filter, List<Row> rows, int total, List<String> agencies) {}

  /** What the list knows of a screening beyond its procedure. */
  record Facts(String caseReference, boolean child, boolean ageDisputed) {}

  static Row row(ProcedureStore.Item i, Facts f, LocalDate today, WorkingCalendar calendar) {
    return new Row(
        i.screeningId(),
        f.caseReference(),
        f.child(),
        f.ageDisputed(),
        Urgency.of(i.dueOn(), today, calendar),
        i.referringAgency(),
        i.referredOn(),
        i.stage(),
        i.dueOn());
  }

  static Shown shown(LocalDate today, Filter filter, List<Row> all) {
    List<Row> rows = new ArrayList<>(all.stream().filter(filter::admits).toList());
    Comparator<Row> order = comparator(filter.sort());
    rows.sort(filter.descending() ? order.reversed() : order);
    List<String> agencies = all.stream().map(Row::referringAgency).distinct().sorted().toList();
    return new Shown(today, filter, List.copyOf(rows), all.size(), agencies);
  }

  private static Comparator<Row> comparator(Sort sort) {
    Comparator<Row> due =
        Comparator.comparing(Row::dueOn, Comparator.nullsLast(Comparator.naturalOrder()));
    Comparator<Row> tie = due.thenComparing(Row::referredOn).thenComparing(Row::screeningId);
    return switch (sort) {
      case URGENCY ->
          Comparator.comparing(Row::urgency)
              .thenComparing(Row::child, Comparator.reverseOrder())
              .thenComparing(tie);
      case DUE -> tie;
      case REFERRED -> Comparator.comparing(Row::referredOn).thenComparing(Row::screeningId);
      case REFERENCE ->
          Comparator.comparing(
                  Row::caseReference, Comparator.nullsLast(Comparator.<String>naturalOrder()))
              .thenComparing(tie);
      case AGENCY -> Comparator.comparing(Row::referringAgency).thenComparing(tie);
    };
  }
}
