package org.palermo.app.cases.care;

import org.palermo.app.platform.RefusalReason;

/**
 * Why the care rules (support plan, assessments, services, notes, attachments) refused a value: the
 * problem's {@code reason}, in the lower-camel-case codes the API has always sent, translated as
 * {@code care.error.<code>}.
 */
public enum CareRefusal implements RefusalReason {
  REQUIRED("required"),
  TOO_LONG("tooLong"),
  INVALID("invalid"),
  FUTURE("future"),
  DUPLICATE("duplicate"),
  WRONG_LEVEL("wrongLevel"),
  OUTCOME("outcome"),
  ONE_PROVIDER("oneProvider"),
  PROVIDER("provider"),
  UNKNOWN_AGENCY("unknownAgency"),
  UNKNOWN_OBJECTIVE("unknownObjective"),
  /** A service type that is not in the catalogue. */
  UNKNOWN("unknown"),
  /** An empty file. */
  EMPTY("empty"),
  /** A file above the size limit. */
  TOO_LARGE("tooLarge"),
  /** A file whose content is not an accepted type or does not match its name. */
  TYPE("type"),
  /** Someone changed the record since it was read. */
  STALE("stale");

  private final String code;

  CareRefusal(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String messageKey() {
    return "care.error." + code;
  }
}
