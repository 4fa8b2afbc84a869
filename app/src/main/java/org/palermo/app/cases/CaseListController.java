package org.palermo.app.cases;

import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The case list page. */
@Controller
class CaseListController {
  private final CaseList cases;

  CaseListController(CaseList cases) {
    this.cases = cases;
  }

  @GetMapping("/cases")
  String list(@RequestParam(defaultValue = "0") int page, Model model) {
    PalermoPrincipal me = CurrentUser.get();
    boolean allowed = me.roles().stream().anyMatch(CaseList.CASE_ROLES::contains);
    model.addAttribute("allowed", allowed);
    if (allowed) {
      model.addAttribute("cases", cases.list(me, null, Math.max(0, page), 25));
    }
    return "cases";
  }
}
