package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.test.web.servlet.ResultMatcher;

/**
 * Assertions on a refused page form ({@link FormErrors}): the page comes back with status 422 and
 * the refusal at its field, not a redirect that loses what was typed.
 */
public final class Refused {
  private Refused() {}

  /** 422, with a refusal whose reason is {@code reason}, whatever its field. */
  public static ResultMatcher because(String reason) {
    return result -> {
      assertThat(result.getResponse().getStatus()).as("status of a refused form").isEqualTo(422);
      FormErrors errors = errors(result);
      assertThat(errors.all())
          .as("refusals")
          .extracting(FormErrors.Problem::reason)
          .contains(reason);
    };
  }

  /** 422, with a refusal of {@code reason} at {@code field}. */
  public static ResultMatcher at(String field, String reason) {
    return result -> {
      assertThat(result.getResponse().getStatus()).as("status of a refused form").isEqualTo(422);
      FormErrors errors = errors(result);
      assertThat(errors.all())
          .as("refusals")
          .extracting(p -> p.field() + ":" + p.reason())
          .contains(field + ":" + reason);
    };
  }

  /** 422, with any refusal. */
  public static ResultMatcher any() {
    return result -> {
      assertThat(result.getResponse().getStatus()).as("status of a refused form").isEqualTo(422);
      assertThat(errors(result).any()).isTrue();
    };
  }

  private static FormErrors errors(org.springframework.test.web.servlet.MvcResult result) {
    Object e =
        result.getModelAndView() == null
            ? null
            : result.getModelAndView().getModel().get("formErrors");
    assertThat(e).as("formErrors in the model").isInstanceOf(FormErrors.class);
    return (FormErrors) e;
  }
}
