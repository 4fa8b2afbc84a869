package org.palermo.app.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The one date-parsing policy of the pages and the API (issue #12 §4, issue #14 §1 item 6): a
 * malformed date is refused with the field named (never silently dropped), and a well-formed date
 * must be plausible for its {@link DateMeaning}. Refusals are {@link ErrorCode#VALIDATION_FAILED}
 * problems with members {@code field} and {@code reason}.
 */
@Component
public class Dates {
  private final Clock clock;

  public Dates(Clock clock) {
    this.clock = clock;
  }

  /** Today in the instance's clock. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * {@code value} (ISO {@code yyyy-mm-dd}) as a date plausible for {@code meaning}; {@code null}
   * when blank.
   */
  public LocalDate parse(String value, String field, DateMeaning meaning) {
    return check(parse(value, field), field, meaning);
  }

  /** {@code date} when it is plausible for {@code meaning}; refused otherwise. */
  public LocalDate check(LocalDate date, String field, DateMeaning meaning) {
    LocalDate today = today();
    meaning
        .refusal(date, today)
        .ifPresent(
            reason -> {
              throw refusal(
                  field,
                  reason,
                  "'"
                      + field
                      + "' must be between "
                      + meaning.earliest(today)
                      + " and "
                      + meaning.latest(today)
                      + ".");
            });
    return date;
  }

  /**
   * {@code end} when it is not before {@code start}; refused with reason {@code beforeStart}
   * otherwise (a support plan that ends before it begins).
   */
  public static LocalDate notBefore(LocalDate end, LocalDate start, String field) {
    if (end != null && start != null && end.isBefore(start)) {
      throw refusal(field, "beforeStart", "'" + field + "' is before " + start + ".");
    }
    return end;
  }

  /** {@code value} (ISO {@code yyyy-mm-dd}) as a date, {@code null} when blank; never lenient. */
  public static LocalDate parse(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw refusal(field, "date", "'" + field + "' is not a date (yyyy-mm-dd).");
    }
  }

  private static PalermoException refusal(String field, String reason, String detail) {
    return new PalermoException(
        ErrorCode.VALIDATION_FAILED, detail, Map.of("field", field, "reason", reason));
  }
}
