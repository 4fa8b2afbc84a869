package org.palermo.app.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outermost catch of every request (issue #11, red-team re-test): an exception that no handler
 * answered — from a page handler, a filter, the multipart parser, the container's parameter
 * decoding — is logged by its class and the place it was thrown only, never its message or stack
 * trace (a message can carry a submitted value: a file name, a victim's name), and answered with a
 * generic 500 (a problem document on the API, the error page elsewhere). It is not rethrown, so
 * that the container's own logger and error valve never see it.
 */
public final class UnexpectedErrors extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);
  private final JsonMapper json;

  public UnexpectedErrors(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      Throwable root = e;
      while ((root instanceof ServletException || root.getClass().getName().contains("Nested"))
          && root.getCause() != null
          && root.getCause() != root) {
        root = root.getCause();
      }
      log.error("Unexpected failure: {}", where(root));
      if (response.isCommitted()) {
        return;
      }
      response.resetBuffer();
      if (ApiProblems.machine(
          request.getRequestURI().substring(request.getContextPath().length()))) {
        ApiProblems.write(response, json, ErrorCode.INTERNAL, ErrorCode.INTERNAL.title());
      } else {
        response.sendError(ErrorCode.INTERNAL.status().value());
      }
    }
  }

  /** The class of a failure and where it was thrown: no message, no value. */
  public static String where(Throwable e) {
    StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
    return e.getClass().getName() + " at " + at;
  }
}
