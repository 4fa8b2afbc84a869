package org.palermo.app.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * After signing in again, the answers of a form posted after the session expired (issue #14 item 3;
 * {@link KeptSubmissions}): "your answers were kept; check and save". The page shows what was typed
 * and a form that posts it, with fresh tokens, to where it was going; the server checks it there as
 * any other submission. Shown once, to the user whose answers they are; without a kept submission
 * for the signed-in user in this browser it goes home.
 */
@Controller
class KeptSubmissionPage {
  static final String PATH = "/session/kept";

  private final KeptSubmissions kept;

  KeptSubmissionPage(KeptSubmissions kept) {
    this.kept = kept;
  }

  @GetMapping(PATH)
  String show(HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<KeptSubmissions.Kept> answers = kept.take(request, response, CurrentUser.get());
    if (answers.isEmpty()) {
      return "redirect:/";
    }
    response.setHeader("Cache-Control", "no-store");
    model.addAttribute("kept", answers.get());
    return "security/kept";
  }

  @PostMapping(PATH + "/discard")
  String discard(HttpServletRequest request, HttpServletResponse response) {
    kept.discard(request, response, CurrentUser.get());
    return "redirect:/";
  }
}
