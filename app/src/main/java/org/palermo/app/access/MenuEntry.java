package org.palermo.app.access;

import java.util.function.Predicate;

/**
 * One entry of the main menu, contributed by the module that owns the page (issue 14 item 8). The
 * entry is shown exactly to the users {@code usable} admits, and {@code usable} is the very
 * predicate the page's own controller checks before it shows anything, so the menu and the guard of
 * the route cannot disagree ({@code MenuIT} pins it for every demo role).
 *
 * @param href the page, relative to the context path (e.g. {@code /cases})
 * @param label the message key of its name
 * @param order the place in the menu, lowest first
 * @param usable who may use the page
 */
public record MenuEntry(String href, String label, int order, Predicate<PalermoPrincipal> usable) {

  /** Whether {@code who} may use the page (false for nobody signed in). */
  public boolean usableBy(PalermoPrincipal who) {
    return who != null && usable.test(who);
  }

  /**
   * Whether {@code path} (the request path without the context path) is this entry's page or one
   * below it. Home ({@code /}) is current only on itself.
   */
  public boolean covers(String path) {
    if (path == null) {
      return false;
    }
    if ("/".equals(href)) {
      return "/".equals(path) || path.isEmpty();
    }
    return path.equals(href) || path.startsWith(href + "/");
  }
}
