package org.palermo.app.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user (or null) into every page's model for the user menu, and the main menu:
 * the {@link MenuEntry entries} the user may use (each guarded by its page's own rule, issue 14
 * item 8), the one of the current page marked.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class UserMenuAttributes {
  private final List<MenuEntry> entries;

  UserMenuAttributes(List<MenuEntry> entries) {
    this.entries = entries.stream().sorted(Comparator.comparingInt(MenuEntry::order)).toList();
  }

  /** One shown menu link. */
  record Link(String href, String label, boolean current) {}

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
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // The current page is the entry with the longest matching path (/cases/tasks is under /cases).
    MenuEntry current =
        entries.stream()
            .filter(e -> e.usableBy(me) && e.covers(path))
            .max(Comparator.comparingInt(e -> e.href().length()))
            .orElse(null);
    return entries.stream()
        .filter(e -> e.usableBy(me))
        .map(e -> new Link(e.href(), e.label(), e == current))
        .toList();
  }
}
