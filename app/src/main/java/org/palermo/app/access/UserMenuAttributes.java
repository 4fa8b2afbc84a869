package org.palermo.app.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user (or null) into every page's model for the user menu, and the main menu:
 * the {@link MenuEntry entries} the user may use (each guarded by its page's own rule, issue 14
 * item 8), the one of the current page marked, each with the count of the work waiting behind it
 * (issue 14 item 7, {@link MenuCounts}).
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class UserMenuAttributes {
  private final List<MenuEntry> entries;
  private final MenuCounts counts;

  UserMenuAttributes(List<MenuEntry> entries, MenuCounts counts) {
    this.entries = entries.stream().sorted(Comparator.comparingInt(MenuEntry::order)).toList();
    this.counts = counts;
  }

  /**
   * One shown menu link and how many items wait behind it ({@link #waiting()}, null for none),
   * counted only when the page shows the menu, once per request ({@link MenuCounts}).
   */
  record Link(String href, String label, boolean current, Waiting counts) {
    public Integer waiting() {
      return counts.get().get(href);
    }
  }

  /** The menu's counts of one request, read on first use. */
  static final class Waiting {
    private final java.util.function.Supplier<Map<String, Integer>> source;
    private Map<String, Integer> counts;

    Waiting(java.util.function.Supplier<Map<String, Integer>> source) {
      this.source = source;
    }

    Map<String, Integer> get() {
      if (counts == null) {
        counts = source.get();
      }
      return counts;
    }
  }

  @ModelAttribute("currentUser")
  PalermoPrincipal currentUser() {
    return CurrentUser.find().orElse(null);
  }

  @ModelAttribute("menu")
  List<Link> menu(HttpServletRequest request) {
    PalermoPrincipal me = CurrentUser.find().orElse(null);
    if (me == null) {
      return List.of();
    }
    if (!"GET".equals(request.getMethod())) {
      MenuCounts.forget(request); // a form changes what waits: count afresh on the next page
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // The current page is the entry with the longest matching path (/cases/tasks is under /cases).
    MenuEntry current =
        entries.stream()
            .filter(e -> e.usableBy(me) && e.covers(path))
            .max(Comparator.comparingInt(e -> e.href().length()))
            .orElse(null);
    Waiting waiting = new Waiting(() -> counts.of(me, request));
    return entries.stream()
        .filter(e -> e.usableBy(me))
        .map(e -> new Link(e.href(), e.label(), e == current, waiting))
        .toList();
  }
}
