package org.palermo.app.access;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page after sign-in. */
@Controller
class HomeController {

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("me", CurrentUser.get());
    return "home";
  }
}
