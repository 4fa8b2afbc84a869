package org.palermo.app.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page after sign-in: the user's work queues (issue 14 item 7), each contributed by the
 * module that owns the work ({@link WorkQueue}) and read through that module's API, which applies
 * {@link AccessPolicy} row by row and audits the read. Only the queues that concern the user's role
 * are shown; a queue is never a way around a list's own guard.
 */
@Controller
class HomeController {
  /** The rows a queue shows on the home page; the whole list is one link away. */
  static final int SHOWN = 10;

  private final List<WorkQueue> queues;
  private final Notifications notifications;
  private final Clock clock;

  HomeController(List<WorkQueue> queues, Notifications notifications, Clock clock) {
    this.queues = queues.stream().sorted(Comparator.comparingInt(WorkQueue::order)).toList();
    this.notifications = notifications;
    this.clock = clock;
  }

  /** One queue as the page shows it: its first rows and how many there are. */
  record Shown(String key, String more, List<WorkQueue.Item> items, int count, int overdue) {}

  @GetMapping("/")
  String home(Model model, jakarta.servlet.http.HttpServletRequest request) {
    PalermoPrincipal me = CurrentUser.get();
    model.addAttribute("me", me);
    List<Shown> shown = new ArrayList<>();
    for (WorkQueue q : queues) {
      if (!q.appliesTo(me)) {
        continue;
      }
      List<WorkQueue.Item> items;
      try {
        items = q.items(me);
      } catch (PalermoException e) {
        if (q.menu() != null) {
          MenuCounts.known(request, q.key(), 0);
        }
        continue; // refused (and audited) by the list's own guard: not a queue of this user
      }
      if (q.menu() != null) {
        MenuCounts.known(request, q.key(), items.size()); // the menu's count: not read twice
      }
      int late = (int) items.stream().filter(WorkQueue.Item::overdue).count();
      shown.add(
          new Shown(
              q.key(),
              q.more(),
              items.subList(0, Math.min(SHOWN, items.size())),
              items.size(),
              late));
    }
    shown.add(notices(me));
    model.addAttribute("queues", shown);
    return "home";
  }

  /** The newest notices to the user's agency (names staff and times, never the person). */
  private Shown notices(PalermoPrincipal me) {
    List<WorkQueue.Item> items =
        notifications.forAgency(me, SHOWN).stream()
            .map(
                n ->
                    new WorkQueue.Item(
                        null,
                        "/notifications",
                        n.createdAt().atZone(clock.getZone()).toLocalDate(),
                        false,
                        "security.notification." + n.kind(),
                        null,
                        null))
            .toList();
    return new Shown("notifications", "/notifications", items, items.size(), 0);
  }
}
