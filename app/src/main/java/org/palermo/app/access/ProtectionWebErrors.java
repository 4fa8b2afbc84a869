package org.palermo.app.access;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.palermo.app.platform.Languages;
import org.palermo.app.platform.PalermoException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refused page of {@link ProtectionController} is the error page with the catalogue's status: a
 * firewall refusal is the same 404 page as a case that does not exist.
 */
@ControllerAdvice(
    name = "dataProtectionWebErrors",
    assignableTypes = {ProtectionController.class, PrivacyController.class})
class ProtectionWebErrors {
  @ExceptionHandler(PalermoException.class)
  ModelAndView refused(PalermoException e, Locale locale, HttpServletResponse response) {
    int status = e.code().status().value();
    response.setStatus(status);
    Locale ui = Languages.resolve(locale);
    ModelAndView page = new ModelAndView("error");
    page.setStatus(e.code().status());
    page.addObject("status", status);
    page.addObject("lang", ui.getLanguage());
    page.addObject("dir", Languages.direction(ui));
    page.addObject("currentUser", CurrentUser.find().orElse(null));
    page.addObject(
        "languages",
        Languages.SUPPORTED.stream()
            .map(l -> new LanguageChoice(l.getLanguage(), l.getDisplayLanguage(l)))
            .toList());
    return page;
  }

  /** A language of the menu, as the layout expects it. */
  record LanguageChoice(String code, String name) {}
}
