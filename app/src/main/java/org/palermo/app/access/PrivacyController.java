package org.palermo.app.access;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.FormErrors;
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
    PalermoPrincipal me = CurrentUser.get();
    model.addAttribute("requests", erasures.requests(me));
    model.addAttribute("holds", erasures.holds(me));
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
      @RequestParam Map<String, String> form,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    return submit(
        "request",
        form,
        model,
        () -> {
          erasures.request(me, erasures.caseOfAgency(me, reference), reason);
          return "redirect:/privacy?done=requested";
        });
  }

  /**
   * Decides an erasure request (GDPR art. 17). The decision's form is named after its request, so
   * that its note is its own.
   */
  @PostMapping("/privacy/erasure-requests/{id}/decision")
  String decide(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "false") boolean erase,
      @RequestParam(defaultValue = "") String note,
      @RequestParam(defaultValue = "false") boolean confirm,
      @RequestParam Map<String, String> form,
      Model model) {
    if (erase && !confirm) {
      // Erasure cannot be undone (issue 14 item 10): the first press erases nothing and shows, at
      // the request, what will happen and the button that confirms, the note kept.
      model.addAttribute("confirmErase", id);
      model.addAttribute("confirmNote", note);
      return page(model);
    }
    return submit(
        "decision-" + id,
        form,
        model,
        () -> {
          erasures.decide(CurrentUser.get(), id, erase, note);
          return "redirect:/privacy?done=" + (erase ? "erased" : "refused");
        });
  }

  @PostMapping("/privacy/legal-holds")
  String hold(
      @RequestParam(defaultValue = "") String reference,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam Map<String, String> form,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    return submit(
        "hold",
        form,
        model,
        () -> {
          erasures.hold(me, erasures.caseOfAgency(me, reference), reason);
          return "redirect:/privacy?done=held";
        });
  }

  @PostMapping("/privacy/legal-holds/{id}/release")
  String release(@PathVariable UUID id) {
    erasures.release(CurrentUser.get(), id);
    return "redirect:/privacy?done=released";
  }

  /**
   * Submits a form of the page through the platform's one mechanism ({@link FormErrors}): refused,
   * the page again with status 422, everything typed and the message at the field. The domain names
   * the field it refuses and the page words it as {@code security.problem.<field>}, so the field is
   * the reason; a legal hold (409) is shown on the decision's form. A reference that is no case of
   * the agency (404 with its field) is shown at the reference, as before.
   */
  private String submit(
      String name, Map<String, String> values, Model model, Supplier<String> action) {
    return FormErrors.on(name)
        .submit(
            model,
            values,
            () -> {
              try {
                return action.get();
              } catch (PalermoException e) {
                throw atField(e);
              }
            },
            () -> page(model));
  }

  private static PalermoException atField(PalermoException e) {
    boolean unknownReference =
        e.code() == ErrorCode.NOT_FOUND && e.properties().containsKey("field");
    if (!FormErrors.shown(e) && !unknownReference) {
      return e;
    }
    String field = String.valueOf(e.properties().getOrDefault("field", "other"));
    String at = "hold".equals(field) || "other".equals(field) ? "form" : field;
    return new PalermoException(
        unknownReference ? ErrorCode.VALIDATION_FAILED : e.code(),
        e.getMessage(),
        Map.of("field", at, "reason", field));
  }
}
