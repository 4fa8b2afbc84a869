package org.palermo.app.cases.care;

/**
 * A refused form, shown again on the page: which form, which field, and the reason code that names
 * the message {@code care.error.<reason>}. The page links the message to its input with {@code
 * aria-describedby}.
 */
public record FormError(String form, String field, String reason) {

  /** Whether the error belongs to {@code field} of {@code form}. */
  public boolean on(String form, String field) {
    return this.form.equals(form) && this.field.equals(field);
  }

  /** The id of the error message element. */
  public String id() {
    return form + "-" + field.replace('.', '-') + "-error";
  }
}
