package org.palermo.app.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The failures Spring MVC raises before any handler was chosen (a content type or a method no
 * handler of the path takes), which {@link ApiProblems} — an advice of the API's controllers —
 * never sees: on the API and HSDS, a problem document from the catalogue with its {@code code} and
 * {@code type}; on a page, left to the error page ({@code ErrorAnswers}) by rethrowing (issue #11,
 * red-team re-test item 8).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class NoHandlerProblems {

  @ExceptionHandler({
    HttpMediaTypeNotSupportedException.class,
    HttpRequestMethodNotSupportedException.class
  })
  ResponseEntity<ProblemDetail> noHandler(Exception e, HttpServletRequest request)
      throws Exception {
    if (!ApiProblems.machine(
        request.getRequestURI().substring(request.getContextPath().length()))) {
      throw e;
    }
    ErrorCode code =
        e instanceof HttpMediaTypeNotSupportedException
            ? ErrorCode.UNSUPPORTED_MEDIA_TYPE
            : ErrorCode.METHOD_NOT_ALLOWED;
    String detail =
        e instanceof HttpRequestMethodNotSupportedException m
            ? m.getMethod() + " is not allowed."
            : "Send application/json.";
    return ResponseEntity.status(code.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ApiProblems.problem(code, detail, Map.of()));
  }
}
