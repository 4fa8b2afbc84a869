package org.palermo.finance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A test builder of one transaction. */
final class Tx {
  static final OffsetDateTime START =
      OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(1));

  private final String id;
  private final String account;
  private OffsetDateTime at;
  private String holder;
  private String cpAccount;
  private String cpName;
  private double amount;
  private String currency = "EUR";
  private Direction direction;
  private Channel channel;
  private int mcc = -1;
  private String city;
  private String country = "FR";
  private String description;

  private Tx(String id, String account) {
    this.id = id;
    this.account = account;
  }

  static Tx of(String id, String account) {
    return new Tx(id, account);
  }

  /** Day {@code day} (0 = 1 January 2024) at {@code hour}:{@code minute}, local time +01:00. */
  Tx at(int day, int hour, int minute) {
    this.at = START.plusDays(day).withHour(hour).withMinute(minute);
    return this;
  }

  Tx in(Channel c, double amount) {
    this.direction = Direction.IN;
    this.channel = c;
    this.amount = amount;
    return this;
  }

  Tx out(Channel c, double amount) {
    this.direction = Direction.OUT;
    this.channel = c;
    this.amount = amount;
    return this;
  }

  Tx holder(String h) {
    this.holder = h;
    return this;
  }

  Tx to(String account, String name) {
    this.cpAccount = account;
    this.cpName = name;
    return this;
  }

  Tx mcc(int code) {
    this.mcc = code;
    return this;
  }

  Tx city(String c) {
    this.city = c;
    return this;
  }

  Tx desc(String d) {
    this.description = d;
    return this;
  }

  Transaction build() {
    return new Transaction(
        id,
        at,
        account,
        holder,
        cpAccount,
        cpName,
        amount,
        currency,
        direction,
        channel,
        mcc,
        city,
        country,
        description);
  }
}
