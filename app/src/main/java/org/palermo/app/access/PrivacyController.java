package org.palermo.app.access;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The data-protection officer's page {@code /privacy}: subject access export by case reference,
 * erasure requests and their decision, legal holds.
 */
@Controller
class PrivacyController {
  private final SubjectAccess subjectAccess;
  private final Erasures erasures;

  PrivacyController(SubjectAccess subjectAccess, Erasures erasures) {
    this.subjectAccess = subjectAccess;
    this.erasures = erasures;
  }

  @GetMapping("/privacy")
  String page(Model model) {
    return page(model, null);
  }

  private String page(Model model, String problem) {
    PalermoPrincipal me = CurrentUser.get();
    model.addAttribute("requests", erasures.requests(me));
    model.addAttribute("holds", erasures.holds(me));
    model.addAttribute("problem", problem);
    return "security/privacy";
  }

  @GetMapping("/privacy/export")
  ResponseEntity<byte[]> export(@RequestParam(defaultValue = "") String reference) {
    PalermoPrincipal me = CurrentUser.get();
    UUID caseId = erasures.caseOfAgency(me, reference);
    byte[] body = subjectAccess.exportCase(me, caseId).getBytes(StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("subject-access-" + caseId + ".json")
                .build()
                .toString())
        .body(body);
  }

  @PostMapping("/privacy/erasure-requests")
  String request(
      @RequestParam(defaultValue = "") String reference,
      @RequestParam(defaultValue = "") String reason,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    try {
      erasures.request(me, erasures.caseOfAgency(me, reference), reason);
    } catch (PalermoException e) {
      return refused(e, model);
    }
    return "redirect:/privacy?done=requested";
  }

  @PostMapping("/privacy/erasure-requests/{id}/decision")
  String decide(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "false") boolean erase,
      @RequestParam(defaultValue = "") String note,
      @RequestParam(defaultValue = "false") boolean confirm,
      Model model) {
    if (erase && !confirm) {
      // Erasure cannot be undone (issue 14 item 10): the first press erases nothing and shows, at
      // the request, what will happen and the button that confirms, the note kept.
      model.addAttribute("confirmErase", id);
      model.addAttribute("confirmNote", note);
      return page(model, null);
    }
    try {
      erasures.decide(CurrentUser.get(), id, erase, note);
    } catch (PalermoException e) {
      return refused(e, model);
    }
    return "redirect:/privacy?done=" + (erase ? "erased" : "refused");
  }

  @PostMapping("/privacy/legal-holds")
  String hold(
      @RequestParam(defaultValue = "") String reference,
      @RequestParam(defaultValue = "") String reason,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    try {
      erasures.hold(me, erasures.caseOfAgency(me, reference), reason);
    } catch (PalermoException e) {
      return refused(e, model);
    }
    return "redirect:/privacy?done=held";
  }

  @PostMapping("/privacy/legal-holds/{id}/release")
  String release(@PathVariable UUID id) {
    erasures.release(CurrentUser.get(), id);
    return "redirect:/privacy?done=released";
  }

  private String refused(PalermoException e, Model model) {
    if (e.code() == ErrorCode.VALIDATION_FAILED
        || e.code() == ErrorCode.CONFLICT
        || (e.code() == ErrorCode.NOT_FOUND && e.properties().containsKey("field"))) {
      return page(model, String.valueOf(e.properties().getOrDefault("field", "other")));
    }
    throw e;
  }
}
