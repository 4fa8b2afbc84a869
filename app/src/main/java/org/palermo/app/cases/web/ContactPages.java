package org.palermo.app.cases.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.application.CaseWork;
import org.palermo.app.cases.application.PersonContacts;
import org.palermo.app.cases.domain.ContactDetails;
import org.palermo.app.cases.domain.ContactDetails.ContactMethod;
import org.palermo.app.cases.domain.ContactDetails.MessagingApp;
import org.palermo.app.cases.domain.ContactDetails.SafeToContact;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.FormErrors;
import org.palermo.app.platform.FormValues;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contact details page of a case (issue #14 item 13): what is recorded, with a prominent
 * warning wherever the phone is shown when contacting the person is not safe, and its own form. A
 * refused form comes back with 422, everything typed and the message at each field ({@link
 * FormErrors}).
 */
@Controller
class ContactPages {
  private static final String ID = "{id:[0-9a-fA-F-]{36}}";
  private static final String FORM = "contact";
  private static final String[] FIELDS = {
    "phone",
    "messagingApp",
    "messagingHandle",
    "address",
    "location",
    "preferredMethod",
    "safeTimes",
    "safeToContact",
    "safetyNote"
  };

  private final PersonContacts contacts;
  private final CaseWork work;

  ContactPages(PersonContacts contacts, CaseWork work) {
    this.contacts = contacts;
    this.work = work;
  }

  @GetMapping("/cases/" + ID + "/contact")
  String page(@PathVariable UUID id, Model model) {
    PalermoPrincipal me = CurrentUser.get();
    PersonContacts.ContactView contact = contacts.read(me, id);
    model.addAttribute("c", work.view(me, id));
    model.addAttribute("caseId", id);
    model.addAttribute("contact", contact);
    model.addAttribute("messagingApps", MessagingApp.values());
    model.addAttribute("contactMethods", ContactMethod.values());
    model.addAttribute("safeToContact", SafeToContact.values());
    return "cases/contact";
  }

  @PostMapping("/cases/" + ID + "/contact")
  String save(
      @PathVariable UUID id,
      @RequestParam Map<String, String> params,
      Model model,
      RedirectAttributes flash) {
    // Who may not change them is refused before anything typed is looked at.
    contacts.requireWrite(CurrentUser.get(), id);
    Map<String, String> values = new LinkedHashMap<>();
    for (String f : FIELDS) {
      values.put(f, params.getOrDefault(f, ""));
    }
    FormErrors errors = FormErrors.on(FORM);
    MessagingApp app = choice(errors, MessagingApp.class, values, "messagingApp");
    ContactMethod method = choice(errors, ContactMethod.class, values, "preferredMethod");
    SafeToContact safe = choice(errors, SafeToContact.class, values, "safeToContact");
    ContactDetails d =
        new ContactDetails(
            values.get("phone"),
            app,
            values.get("messagingHandle"),
            values.get("address"),
            values.get("location"),
            method,
            values.get("safeTimes"),
            safe,
            values.get("safetyNote"));
    if (!errors.any()) {
      for (Map.Entry<String, String> p : d.problems().entrySet()) {
        errors.refused(field(p.getKey(), p.getValue()));
      }
    }
    return errors.submit(
        model,
        values,
        () -> {
          contacts.write(CurrentUser.get(), id, d);
          flash.addFlashAttribute("notice", "contact.notice.saved");
          return "redirect:/cases/" + id + "/contact";
        },
        () -> page(id, model));
  }

  private static <E extends Enum<E>> E choice(
      FormErrors errors, Class<E> type, Map<String, String> values, String field) {
    String v = values.get(field);
    E e = FormValues.choice(type, v);
    if (e == null && v != null && !v.isEmpty()) {
      errors.refused(field(field, "invalid"));
    }
    return e;
  }

  private static PalermoException field(String field, String reason) {
    return new PalermoException(
        ErrorCode.VALIDATION_FAILED,
        "'" + field + "' is not valid.",
        Map.of("field", field, "reason", reason));
  }
}
