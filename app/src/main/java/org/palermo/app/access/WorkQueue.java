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

  /** A queue defined by its key, place, page and audience; a module writes only its rows. */
  abstract class Base implements WorkQueue {
    private final String key;
    private final int order;
    private final String more;
    private final Predicate<PalermoPrincipal> applies;

    protected Base(String key, int order, String more, Predicate<PalermoPrincipal> applies) {
      this.key = key;
      this.order = order;
      this.more = more;
      this.applies = applies;
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
