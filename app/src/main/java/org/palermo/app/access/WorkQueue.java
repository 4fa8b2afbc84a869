package org.palermo.app.access;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * One work queue of the home page (issue 14 item 7), contributed by the module that owns the work.
 * A queue reads through its module's own API, which applies {@link AccessPolicy} row by row and
 * audits the read like the list it summarises: a queue never shows a row the user may not read.
 */
public interface WorkQueue {

  /** The message key suffix of the queue: {@code home.queue.<key>} and its explanation. */
  String key();

  /** The place on the home page, lowest first. */
  int order();

  /** Whether the queue concerns {@code who} at all (cheap: roles and agency type only). */
  boolean appliesTo(PalermoPrincipal who);

  /** The queue's rows for {@code who}, most urgent first. */
  List<Item> items(PalermoPrincipal who);

  /** The page with the whole list, or null. */
  default String more() {
    return null;
  }

  /**
   * The main menu entry (its {@link MenuEntry#href()}) whose count this queue adds to, or null for
   * none (issue 14 item 7: "Referrals, 3 waiting"). The count is the queue's own, so the home page
   * and the menu never disagree.
   */
  default String menu() {
    return null;
  }

  /**
   * How many rows wait for {@code who}: by default the rows of {@link #items}, read under the
   * access policy like the list. A queue whose rows cost more than its count (a name to open, an
   * audit per row) answers with a cheaper query of the same rows.
   */
  default int count(PalermoPrincipal who) {
    return items(who).size();
  }

  /** A queue defined by its key, place, page and audience; a module writes only its rows. */
  abstract class Base implements WorkQueue {
    private final String key;
    private final int order;
    private final String more;
    private final Predicate<PalermoPrincipal> applies;
    private final String menu;

    protected Base(String key, int order, String more, Predicate<PalermoPrincipal> applies) {
      this(key, order, more, applies, null);
    }

    /** A queue that also counts on the menu entry {@code menu} (its href). */
    protected Base(
        String key, int order, String more, Predicate<PalermoPrincipal> applies, String menu) {
      this.key = key;
      this.order = order;
      this.more = more;
      this.applies = applies;
      this.menu = menu;
    }

    @Override
    public String menu() {
      return menu;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public int order() {
      return order;
    }

    @Override
    public String more() {
      return more;
    }

    @Override
    public boolean appliesTo(PalermoPrincipal who) {
      return applies.test(who);
    }
  }

  /**
   * One row: what to show (a case reference, initials, a task title: never a full name), where it
   * leads, its due date if any and whether it is late. {@code detail} is a message key with one
   * argument {@code detailArg}, or null.
   */
  record Item(
      String label,
      String href,
      LocalDate due,
      boolean overdue,
      String detail,
      String detailArg,
      String assignee) {
    public Item(String label, String href, LocalDate due, boolean overdue) {
      this(label, href, due, overdue, null, null, null);
    }
  }
}
