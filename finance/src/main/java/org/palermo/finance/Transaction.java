package org.palermo.finance;

import java.time.OffsetDateTime;

/**
 * One bank transaction as seen from {@code account}. An unknown value is {@code null}, an unknown
 * amount {@link Double#NaN}, an unknown merchant category {@code -1}. The amount is never negative:
 * {@link #direction()} says whether the money came in or went out.
 *
 * @param id unique within an input
 * @param timestamp when it happened, with the UTC offset of the place (the local hour matters)
 * @param merchantCategory ISO 18245 merchant category code, or -1
 * @param country ISO 3166 alpha-2, upper case
 */
public record Transaction(
    String id,
    OffsetDateTime timestamp,
    String account,
    String accountHolder,
    String counterpartyAccount,
    String counterpartyName,
    double amount,
    String currency,
    Direction direction,
    Channel channel,
    int merchantCategory,
    String city,
    String country,
    String description) {

  public Transaction {
    if (id == null || timestamp == null || account == null) {
      throw new IllegalArgumentException("a transaction needs an id, a timestamp and an account");
    }
  }

  /** Seconds since the epoch (UTC). */
  public long epochSecond() {
    return timestamp.toEpochSecond();
  }

  /** The counterparty: its account where known, else its name, else {@code null}. */
  public String counterparty() {
    return counterpartyAccount != null ? counterpartyAccount : counterpartyName;
  }

  public boolean in() {
    return direction == Direction.IN;
  }

  public boolean out() {
    return direction == Direction.OUT;
  }
}
