package org.palermo.app.platform;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one mechanism for a refused page form (issue #12 §4, issue #14 §1 item 2): the field errors
 * of Spring's binding and Bean Validation, and the domain's refusal mapped to the field it names,
 * each with a reason code the page translates as {@code <bundle>.error.<reason>}. The page is shown
 * again (not redirected) with everything typed, the message at each field ({@code fragments/forms
 * :: message}) and an error summary linking to them ({@code fragments/forms :: summary}, GOV.UK
 * pattern).
 */
public final class FormErrors {
  /** Codes of a domain refusal that a form shows at its field; others go to the error page. */
  public static final Set<ErrorCode> SHOWN_AT_THE_FIELD =
      Set.of(
          ErrorCode.VALIDATION_FAILED,
          ErrorCode.CONFLICT,
          ErrorCode.PRECONDITION_FAILED,
          ErrorCode.PAYLOAD_TOO_LARGE,
          ErrorCode.UNSUPPORTED_MEDIA_TYPE);

  /**
   * One refused field: the form it belongs to, the field's name and the reason code; for a typed
   * domain refusal also the reason's own {@link RefusalReason#messageKey() message key} and its
   * arguments, which the page prefers (one translated text per reason).
   */
  public record Problem(
      String form, String field, String reason, String messageKey, List<Object> arguments) {
    public Problem(String form, String field, String reason) {
      this(form, field, reason, null, List.of());
    }

    /** The arguments of {@link #messageKey()}, as the message source takes them. */
    public Object[] args() {
      return arguments.toArray();
    }

    /** The id of the message element, which the input names in {@code aria-describedby}. */
    public String id() {
      return form + "-" + field.replace('.', '-').replace('[', '-').replace("]", "") + "-error";
    }

    /** The id of the input, which the summary links to. */
    public String input() {
      return form + "-" + field.replace('.', '-').replace('[', '-').replace("]", "");
    }
  }

  private final String form;
  private final List<Problem> problems = new ArrayList<>();
  private Map<String, ?> values = Map.of();

  private FormErrors(String form) {
    this.form = form;
  }

  /** No error yet on {@code form}. */
  public static FormErrors on(String form) {
    return new FormErrors(form);
  }

  /**
   * The errors of Spring's binding: a value that could not be converted (reason {@code date} for a
   * date, {@code dateTime} for a date and time, {@code invalid} otherwise), and Bean Validation's
   * violations ({@code required}, {@code tooLong}, or the reason a {@link Plausible} date gives).
   */
  public FormErrors bound(BindingResult result) {
    for (FieldError e : result.getFieldErrors()) {
      problems.add(new Problem(form, e.getField(), reason(e, result)));
    }
    return this;
  }

  /**
   * Submits a page form: when binding found no error, runs {@code action} (which answers the view
   * after success, usually a redirect); when binding or the domain refused, shows the form again
   * through {@code page} with status 422, {@code formErrors} and everything typed as {@code values}
   * in the model. A refusal that no field can show (403, 404, …) propagates to the error page.
   */
  public String submit(
      Model model, Map<String, ?> values, Supplier<String> action, Supplier<String> page) {
    if (!any()) {
      try {
        return action.get();
      } catch (PalermoException e) {
        if (!shown(e)) {
          throw e;
        }
        refused(e);
      }
    }
    this.values = values == null ? Map.of() : values;
    model.addAttribute("formErrors", this);
    model.addAttribute("values", this.values);
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r
        && r.getResponse() != null) {
      r.getResponse().setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    }
    return page.get();
  }

  /**
   * Shows {@code page} again with everything typed in the form and no error, for a confirmation
   * step that checks first and records only on a second, confirmed post (issue 14 item 10).
   */
  public String again(Model model, Map<String, ?> values, Supplier<String> page) {
    this.values = values == null ? Map.of() : values;
    model.addAttribute("formErrors", this);
    model.addAttribute("values", this.values);
    return page.get();
  }

  /**
   * Submits the page form {@code form} bound by Spring (the one helper every controller uses,
   * instead of a wrapper of its own): the binding's errors ({@code bound}, may be null) first; when
   * there are none, runs {@code action}, which answers the view after success; refused by binding
   * or by the domain, {@code page} again as {@link #submit(Model, Map, Supplier, Supplier)} shows
   * it.
   */
  public static String submit(
      String form,
      BindingResult bound,
      Map<String, ?> values,
      Model model,
      Supplier<String> action,
      Supplier<String> page) {
    FormErrors errors = on(form);
    if (bound != null) {
      errors.bound(bound);
    }
    return errors.submit(model, values, action, page);
  }

  /**
   * {@link #submit(String, BindingResult, Map, Model, Supplier, Supplier)} for the usual form: runs
   * {@code action} (its answer is ignored) and redirects to {@code done} (a path,
   * post/redirect/get).
   */
  public static String redirect(
      String form,
      BindingResult bound,
      Map<String, ?> values,
      Model model,
      String done,
      Supplier<String> page,
      Supplier<?> action) {
    return submit(
        form,
        bound,
        values,
        model,
        () -> {
          action.get();
          return "redirect:" + done;
        },
        page);
  }

  /** Whether {@code e} is a refusal a form shows at its field. */
  public static boolean shown(PalermoException e) {
    return SHOWN_AT_THE_FIELD.contains(e.code());
  }

  /** The domain's refusal, at the field it names ({@code form} when it names none). */
  public FormErrors refused(PalermoException e) {
    Map<String, Object> p = e.properties();
    Object field = p.getOrDefault("field", "form");
    Object reason =
        p.getOrDefault("reason", e.code() == ErrorCode.CONFLICT ? "conflict" : "invalid");
    RefusalReason typed = e.reason();
    problems.add(
        typed == null
            ? new Problem(form, field.toString(), reason.toString())
            : new Problem(
                form,
                field.toString(),
                reason.toString(),
                typed.messageKey(),
                java.util.Arrays.asList(e.messageArguments())));
    return this;
  }

  public boolean any() {
    return !problems.isEmpty();
  }

  public String form() {
    return form;
  }

  public List<Problem> all() {
    return List.copyOf(problems);
  }

  /** The error on {@code field} of {@code form}, or {@code null}. */
  public Problem at(String form, String field) {
    return problems.stream()
        .filter(p -> p.form().equals(form) && p.field().equals(field))
        .findFirst()
        .orElse(null);
  }

  /** The first error on {@code form}, whatever its field, or {@code null}. */
  public Problem in(String form) {
    return problems.stream().filter(p -> p.form().equals(form)).findFirst().orElse(null);
  }

  /** Whether {@code form} is the refused form, whose typed values the page shows again. */
  public boolean typed(String form) {
    return this.form.equals(form);
  }

  /**
   * What was typed in {@code field} of {@code form} when it is the refused form (the first value of
   * a repeated field), otherwise {@code fallback} (the value the page shows on a first visit).
   */
  public Object valueOr(String form, String field, Object fallback) {
    if (!typed(form)) {
      return fallback;
    }
    Object v = values.get(field);
    if (v instanceof List<?> list) {
      return list.isEmpty() ? null : list.get(0);
    }
    return v;
  }

  /** What was typed in {@code field} of {@code form} when it is the refused form, or null. */
  public Object value(String form, String field) {
    return valueOr(form, field, null);
  }

  /**
   * Whether {@code option} was chosen in {@code field} (a radio button, a checkbox, an option) of
   * the refused {@code form}; {@code fallback} when {@code form} is not the refused one.
   */
  public boolean chosen(String form, String field, Object option, boolean fallback) {
    if (!typed(form)) {
      return fallback;
    }
    Object v = values.get(field);
    String o = String.valueOf(option);
    if (v instanceof Iterable<?> all) {
      for (Object one : all) {
        if (o.equals(String.valueOf(one))) {
          return true;
        }
      }
      return false;
    }
    return v != null && o.equals(String.valueOf(v));
  }

  /** The id of the message on {@code field} for {@code aria-describedby}, or null. */
  public String describedBy(String form, String field) {
    Problem p = at(form, field);
    return p == null ? null : p.id();
  }

  /** {@code hint} followed by the id of the message on {@code field}, when there is one. */
  public String describedBy(String form, String field, String hint) {
    Problem p = at(form, field);
    return p == null ? hint : hint + " " + p.id();
  }

  /** {@code "true"} for {@code aria-invalid} when {@code field} is refused, otherwise null. */
  public String invalid(String form, String field) {
    return at(form, field) == null ? null : "true";
  }

  private static String reason(FieldError e, BindingResult result) {
    if (e.isBindingFailure()) {
      Class<?> type = result.getFieldType(e.getField());
      if (type != null && LocalDateTime.class.isAssignableFrom(type)) {
        return "dateTime";
      }
      return type != null && LocalDate.class.isAssignableFrom(type) ? "date" : "invalid";
    }
    String code = e.getCode() == null ? "" : e.getCode();
    return switch (code) {
      case "NotNull", "NotBlank", "NotEmpty" -> "required";
      case "Size" -> "tooLong";
      case "Plausible" -> String.valueOf(e.getDefaultMessage());
      default -> "invalid";
    };
  }
}
