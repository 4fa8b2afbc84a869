package org.palermo.app.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every failure of an API handler into an RFC 9457 problem document from the {@link
 * ErrorCode} catalogue. Details never echo personal data; unexpected failures are logged by their
 * class only and answered with a generic 500.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {
  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  /** Builds a problem document for a code. */
  public static ProblemDetail problem(ErrorCode code, String detail, Map<String, Object> props) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
    problem.setType(code.type());
    problem.setTitle(code.title());
    problem.setProperty("code", code.name());
    props.forEach(problem::setProperty);
    return problem;
  }

  /**
   * Whether a path (inside the context) is answered to machines, with problem documents: the API
   * and the public HSDS directory; every other path is a page.
   */
  public static boolean machine(String path) {
    return path != null
        && (path.startsWith("/api/")
            || path.startsWith("/hsds")
            || path.startsWith("/federation/"));
  }

  /** Writes a problem document directly, for filters that run before Spring MVC. */
  public static void write(
      HttpServletResponse response, JsonMapper mapper, ErrorCode code, String detail)
      throws IOException {
    response.setStatus(code.status().value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    mapper.writeValue(response.getOutputStream(), problem(code, detail, Map.of()));
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @ExceptionHandler(PalermoException.class)
  ResponseEntity<ProblemDetail> palermo(PalermoException e) {
    return respond(problem(e.code(), e.getMessage(), e.properties()));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
    // Each error names its field and a reason code (the same codes as the pages' messages); the
    // first one is also the problem's own field and reason, as for a refusal of the domain.
    List<Map<String, String>> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(
                f -> {
                  String reason =
                      "Plausible".equals(f.getCode())
                          ? String.valueOf(f.getDefaultMessage())
                          : switch (String.valueOf(f.getCode())) {
                            case "NotNull", "NotBlank", "NotEmpty" -> "required";
                            case "Size" -> "tooLong";
                            default -> "invalid";
                          };
                  return Map.of(
                      "field",
                      f.getField(),
                      "reason",
                      reason,
                      "message",
                      "'" + f.getField() + "': " + reason);
                })
            .toList();
    Map<String, Object> props = new java.util.LinkedHashMap<>();
    props.put("errors", errors);
    if (!errors.isEmpty()) {
      props.put("field", errors.get(0).get("field"));
      props.put("reason", errors.get(0).get("reason"));
    }
    return respond(
        problem(ErrorCode.VALIDATION_FAILED, "One or more fields are not valid.", props));
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
    return respond(
        problem(ErrorCode.VALIDATION_FAILED, "One or more parameters are not valid.", Map.of()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
    return respond(
        problem(
            ErrorCode.VALIDATION_FAILED,
            "Parameter '" + e.getName() + "' has the wrong type.",
            Map.of("field", e.getName())));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
    return respond(
        problem(
            ErrorCode.VALIDATION_FAILED,
            "Parameter '" + e.getParameterName() + "' is required.",
            Map.of("field", e.getParameterName())));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    // The edge check (RequestBodyGuard) fails the stream as it is read; say which limit held.
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RequestBodyGuard.TooLarge) {
        return respond(problem(ErrorCode.PAYLOAD_TOO_LARGE, t.getMessage(), Map.of()));
      }
      if (t instanceof RequestBodyGuard.Malformed) {
        return respond(problem(ErrorCode.MALFORMED_REQUEST, t.getMessage(), Map.of()));
      }
    }
    // A value of the wrong shape names its field: for a choice, the values it may take (issue #12
    // §4); the submitted value is echoed only for a choice, never a date or a text.
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof tools.jackson.databind.exc.MismatchedInputException m
          && !m.getPath().isEmpty()) {
        String field =
            m.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "" + r.getIndex())
                .collect(java.util.stream.Collectors.joining("."));
        Class<?> type = m.getTargetType();
        String detail;
        String reason;
        if (type != null && type.isEnum()) {
          String given =
              m instanceof tools.jackson.databind.exc.InvalidFormatException i
                  ? String.valueOf(i.getValue())
                  : "";
          detail =
              "'"
                  + field
                  + "': '"
                  + (given.length() > 40 ? given.substring(0, 40) : given)
                  + "' is not one of "
                  + java.util.Arrays.stream(type.getEnumConstants())
                      .map(String::valueOf)
                      .collect(java.util.stream.Collectors.joining(", "))
                  + ".";
          reason = "invalid";
        } else if (type != null && java.time.temporal.Temporal.class.isAssignableFrom(type)) {
          detail = "'" + field + "' is not a date (yyyy-mm-dd).";
          reason = "date";
        } else {
          detail = "'" + field + "' has the wrong type.";
          reason = "invalid";
        }
        return respond(
            problem(ErrorCode.VALIDATION_FAILED, detail, Map.of("field", field, "reason", reason)));
      }
    }
    return respond(
        problem(ErrorCode.MALFORMED_REQUEST, "The request body is not valid JSON.", Map.of()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return respond(
        problem(ErrorCode.METHOD_NOT_ALLOWED, e.getMethod() + " is not allowed.", Map.of()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return respond(problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send application/json.", Map.of()));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
    return respond(
        problem(ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE.title(), Map.of()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return respond(problem(ErrorCode.NOT_FOUND, ErrorCode.NOT_FOUND.title(), Map.of()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    // The message may hold submitted values; log the class and where it failed, never the text.
    StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
    log.error("Unexpected failure in an API handler: {} at {}", e.getClass().getName(), where);
    return respond(problem(ErrorCode.INTERNAL, ErrorCode.INTERNAL.title(), Map.of()));
  }
}
