package org.palermo.finance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of ordinary banking over 90 days: people with a monthly salary, rent, card
 * spending on groceries, restaurants and fuel in their own city, a daytime cash withdrawal now and
 * then, a transfer to a friend, one work trip with two hotel nights and a car rental; and small
 * businesses that take card sales, pay suppliers and run a payroll. The red-flag tests plant their
 * patterns into it; on its own it must raise no alert at all.
 */
final class OrdinaryTransactions {
  static final String[] CITIES = {"lyon", "paris", "lille", "nantes", "rennes", "bordeaux"};
  static final int PEOPLE = 40;
  static final int DAYS = 90;

  private OrdinaryTransactions() {}

  static String person(int i) {
    return String.format("P%03d", i);
  }

  static List<Transaction> generate(long seed) {
    Random rnd = new Random(seed);
    List<Transaction> all = new ArrayList<>();
    int[] n = {0};
    java.util.function.Function<String, Tx> tx =
        account -> Tx.of(String.format("g%06d", ++n[0]), account);
    for (int p = 1; p <= PEOPLE; p++) {
      String acc = person(p);
      String holder = "Person " + p;
      String city = CITIES[p % CITIES.length];
      String employer = "EMP" + (p % 7);
      double salary = 1800 + rnd.nextInt(2200);
      int trip = 10 + rnd.nextInt(70);
      for (int day = 0; day < DAYS; day++) {
        int dom = Tx.START.plusDays(day).getDayOfMonth();
        if (dom == 28) {
          all.add(
              tx.apply(acc)
                  .holder(holder)
                  .at(day, 6, 0)
                  .in(Channel.ACH, salary)
                  .to(employer, "Employer " + (p % 7) + " SARL")
                  .desc("SALARY")
                  .city(city)
                  .build());
        }
        if (dom == 2) {
          all.add(
              tx.apply(acc)
                  .holder(holder)
                  .at(day, 9, 0)
                  .out(Channel.ACH, 600 + rnd.nextInt(500))
                  .to("LL" + p, "Landlord " + p)
                  .desc("RENT")
                  .city(city)
                  .build());
        }
        if (rnd.nextInt(7) < 2) {
          all.add(
              tx.apply(acc)
                  .holder(holder)
                  .at(day, 10 + rnd.nextInt(9), rnd.nextInt(60))
                  .out(Channel.CARD, 20 + rnd.nextInt(100))
                  .mcc(5411)
                  .to(null, "Supermarket " + city)
                  .city(city)
                  .build());
        }
        if (rnd.nextInt(7) == 0) {
          all.add(
              tx.apply(acc)
                  .holder(holder)
                  .at(day, 12 + rnd.nextInt(9), rnd.nextInt(60))
                  .out(Channel.CARD, 15 + rnd.nextInt(50))
                  .mcc(5812)
                  .to(null, "Bistro " + city)
                  .city(city)
                  .build());
        }
        if (rnd.nextInt(12) == 0) {
          all.add(
              tx.apply(acc)
                  .holder(holder)
                  .at(day, 8 + rnd.nextInt(10), rnd.nextInt(60))
                  .out(Channel.CARD, 40 + rnd.nextInt(40))
                  .mcc(5541)
                  .to(null, "Fuel " + city)
                  .city(city)
                  .build());
        }
        if (rnd.nextInt(10) == 0) {
          all.add(
              tx.apply(acc)
                  .holder(holder)
                  .at(day, 9 + rnd.nextInt(10), rnd.nextInt(60))
                  .out(Channel.ATM, 20 * (2 + rnd.nextInt(9)))
                  .city(city)
                  .build());
        }
        if (rnd.nextInt(30) == 0) {
          all.add(
              tx.apply(acc)
                  .holder(holder)
                  .at(day, 19, rnd.nextInt(60))
                  .out(Channel.WIRE, 10 + rnd.nextInt(150))
                  .to(person(1 + rnd.nextInt(PEOPLE)), "Friend")
                  .desc("dinner")
                  .city(city)
                  .build());
        }
        if (day == trip) {
          String away = CITIES[(p + 1) % CITIES.length];
          all.add(
              tx.apply(acc)
                  .holder(holder)
                  .at(day, 20, 0)
                  .out(Channel.CARD, 110)
                  .mcc(7011)
                  .to(null, "Hotel Centre " + away)
                  .city(away)
                  .build());
          all.add(
              tx.apply(acc)
                  .holder(holder)
                  .at(day + 1, 20, 0)
                  .out(Channel.CARD, 110)
                  .mcc(7011)
                  .to(null, "Hotel Centre " + away)
                  .city(away)
                  .build());
          all.add(
              tx.apply(acc)
                  .holder(holder)
                  .at(day, 9, 0)
                  .out(Channel.CARD, 80)
                  .mcc(7512)
                  .to(null, "Rent-a-car " + away)
                  .city(away)
                  .build());
        }
      }
    }
    for (int b = 1; b <= 3; b++) {
      String acc = "B00" + b;
      String holder = "Boulangerie " + b + " SARL";
      String city = CITIES[b];
      for (int day = 0; day < DAYS; day++) {
        int dom = Tx.START.plusDays(day).getDayOfMonth();
        all.add(
            tx.apply(acc)
                .holder(holder)
                .at(day, 20, 0)
                .in(Channel.OTHER, 800 + rnd.nextInt(900))
                .to("ACQ", "Card acquirer SA")
                .desc("CARD SALES")
                .city(city)
                .build());
        if (dom == 5 || dom == 20) {
          all.add(
              tx.apply(acc)
                  .holder(holder)
                  .at(day, 11, 0)
                  .out(Channel.WIRE, 2000 + rnd.nextInt(2000))
                  .to("SUP" + b, "Minoterie " + b + " SA")
                  .desc("FLOUR")
                  .city(city)
                  .build());
        }
        if (dom == 27) {
          for (int e = 1; e <= 4; e++) {
            all.add(
                tx.apply(acc)
                    .holder(holder)
                    .at(day, 7, e)
                    .out(Channel.ACH, 1600 + rnd.nextInt(400))
                    .to("EMPL" + b + e, "Employee " + b + "-" + e)
                    .desc("PAYROLL")
                    .city(city)
                    .build());
          }
          all.add(
              tx.apply(acc)
                  .holder(holder)
                  .at(day, 7, 30)
                  .out(Channel.ACH, 2500)
                  .to("URSSAF", "URSSAF")
                  .desc("payroll tax")
                  .city(city)
                  .build());
        }
      }
    }
    all.sort(Comparator.comparing(Transaction::timestamp));
    return all;
  }
}
