package org.palermo.app.cases.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.application.CaseTasks;
import org.palermo.app.cases.application.CaseWork;
import org.palermo.app.cases.care.ObjectiveStatus;
import org.palermo.app.cases.care.SupportPlan;
import org.palermo.app.cases.domain.ClosureReason;
import org.palermo.app.cases.domain.Transition;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.FormErrors;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Closing a case asks first (issue 14 item 10): the page says what closing does, shows the open
 * tasks and support-plan objectives, and asks for a reason ({@link ClosureReason}) and an optional
 * note. Only the page's own button ({@code confirm=true}) closes; any other POST changes nothing
 * and shows the page again. A case that cannot be closed now (already closed, a move waiting for a
 * supervisor, or no right to write) gets the reason instead of a form.
 */
@Controller
class CaseClosePages {
  private static final String ID = "{id:[0-9a-fA-F-]{36}}";
  private static final String FORM = "close";

  private final CaseWork work;
  private final CaseTasks tasks;
  private final SupportPlan plan;

  CaseClosePages(CaseWork work, CaseTasks tasks, SupportPlan plan) {
    this.work = work;
    this.tasks = tasks;
    this.plan = plan;
  }

  @GetMapping("/cases/" + ID + "/close")
  String page(@PathVariable UUID id, Model model) {
    model.addAttribute("values", Map.of());
    return show(id, model);
  }

  @PostMapping("/cases/" + ID + "/close")
  String close(
      @PathVariable UUID id,
      @RequestParam(required = false) String closureReason,
      @RequestParam(required = false) String note,
      @RequestParam int version,
      @RequestParam(defaultValue = "false") boolean confirm,
      Model model,
      RedirectAttributes flash) {
    PalermoPrincipal me = CurrentUser.get();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("closureReason", closureReason == null ? "" : closureReason);
    values.put("note", note == null ? "" : note);
    FormErrors errors = FormErrors.on(FORM);
    ClosureReason reason = null;
    if (closureReason == null || closureReason.isBlank()) {
      errors.refused(problem("closureReason", "required"));
    } else {
      try {
        reason = ClosureReason.valueOf(closureReason.strip());
      } catch (IllegalArgumentException e) {
        errors.refused(problem("closureReason", "invalid"));
      }
    }
    if (!confirm) {
      errors.refused(problem("confirm", "closeConfirm"));
    }
    ClosureReason chosen = reason;
    return errors.submit(
        model,
        values,
        () -> {
          CaseWork.Moved m = work.close(me, id, chosen, note, version);
          flash.addFlashAttribute(
              "notice", m.pending() == null ? "cases.notice.closed" : "cases.notice.pending");
          return "redirect:/cases/" + id;
        },
        () -> show(id, model));
  }

  private String show(UUID id, Model model) {
    PalermoPrincipal me = CurrentUser.get();
    CaseWork.CaseView c = work.view(me, id);
    model.addAttribute("c", c);
    model.addAttribute("caseId", id);
    model.addAttribute("reasons", ClosureReason.values());
    model.addAttribute("needsApproval", c.needApproval().contains(Transition.CLOSE));
    model.addAttribute(
        "barred",
        !c.mayWrite()
            ? "cases.close.barred.noRight"
            : c.pending() != null
                ? "cases.close.barred.pending"
                : !c.transitions().contains(Transition.CLOSE) ? "cases.close.barred.closed" : null);
    model.addAttribute("openTasks", tasks.of(me, id).stream().filter(t -> !t.done()).toList());
    model.addAttribute(
        "openObjectives",
        plan.list(me, id).stream().filter(o -> o.status() == ObjectiveStatus.OPEN).toList());
    return "cases/close";
  }

  private static PalermoException problem(String field, String reason) {
    return new PalermoException(
        ErrorCode.VALIDATION_FAILED,
        "Refused.",
        Map.<String, Object>of("field", field, "reason", reason));
  }
}
