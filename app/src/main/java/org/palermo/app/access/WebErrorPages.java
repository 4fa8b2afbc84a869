package org.palermo.app.access;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.palermo.app.platform.Languages;
import org.palermo.app.platform.PalermoException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows a refused page of any module as the error page with the catalogue's status (404 for a case
 * the user may not know of, 403, 409, 412…), in the user's language and with the signed-in menu.
 * API handlers are answered first by {@code platform.ApiProblems} with a problem document; this
 * advice comes last and so only ever answers pages.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class WebErrorPages {

  /** A language of the menu, as the layout expects it. */
  record LanguageChoice(String code, String name) {}

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
}
