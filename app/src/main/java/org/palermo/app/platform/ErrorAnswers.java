package org.palermo.app.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the container sends to {@code /error} (a status set by {@code sendError} in a filter,
 * the framework's own 405, 413 or 415 before any handler was chosen, the container's 413 for a form
 * over its limit): an RFC 9457 problem document from the catalogue for the API, the application's
 * error page, translated, for everything else. Never Spring Boot's default JSON or the container's
 * HTML, and never the exception's message (issue #11, red-team re-test item 8).
 */
@Controller
public class ErrorAnswers implements ErrorController {
  /**
   * A request attribute set where a form's CSRF token was refused (a session that expired while the
   * form was open): the error page then says so instead of "not allowed" (issue #14 item 5).
   */
  public static final String CSRF_REFUSED = "org.palermo.app.platform.ErrorAnswers.csrf";

  private final JsonMapper json;

  ErrorAnswers(JsonMapper json) {
    this.json = json;
  }

  @RequestMapping("/error")
  ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    int status =
        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer i
            ? i
            : response.getStatus() >= 400 ? response.getStatus() : 500;
    String uri =
        request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String s
            ? s
            : request.getRequestURI();
    if (ApiProblems.machine(
        uri.substring(Math.min(uri.length(), request.getContextPath().length())))) {
      ErrorCode code = code(status);
      response.setStatus(status);
      response.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      var problem = ApiProblems.problem(code, code.title(), java.util.Map.of());
      problem.setStatus(status);
      json.writeValue(response.getOutputStream(), problem);
      return null;
    }
    response.setStatus(status);
    ModelAndView page = new ModelAndView("error");
    page.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
    page.addObject("status", status);
    page.addObject("csrf", Boolean.TRUE.equals(request.getAttribute(CSRF_REFUSED)));
    page.addObject("stillSaving", request.getAttribute(SubmissionTokens.STILL_SAVING));
    return page;
  }

  /** The catalogue's code for a status: a 400 without more is a request that cannot be read. */
  static ErrorCode code(int status) {
    if (status == 400) {
      return ErrorCode.MALFORMED_REQUEST;
    }
    return Arrays.stream(ErrorCode.values())
        .filter(c -> c.status().value() == status)
        .findFirst()
        .orElse(status >= 500 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED_REQUEST);
  }
}
