package org.palermo.app.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Bean Validation for a date field of a form or API record: the date must be plausible for its
 * {@link DateMeaning}. The violation's message is the reason code ({@code future}, {@code tooOld},
 * …), which {@link FormErrors} and the API's problem document carry as the field's {@code reason}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Plausible.Check.class)
public @interface Plausible {
  DateMeaning value();

  String message() default "invalid";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The check, with the instance's clock (Spring makes it with the {@link Clock} bean). */
  class Check implements ConstraintValidator<Plausible, LocalDate> {
    private final Clock clock;
    private DateMeaning meaning;

    public Check(Clock clock) {
      this.clock = clock;
    }

    @Override
    public void initialize(Plausible annotation) {
      this.meaning = annotation.value();
    }

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      return meaning
          .refusal(value, LocalDate.now(clock))
          .map(
              reason -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(reason).addConstraintViolation();
                return false;
              })
          .orElse(true);
    }
  }
}
