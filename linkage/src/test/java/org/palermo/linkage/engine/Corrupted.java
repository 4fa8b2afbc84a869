package org.palermo.linkage.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.palermo.linkage.Field;
import org.palermo.linkage.LinkageRecord;

/**
 * A small seeded population with known truth, for the tests until the synthetic-population
 * generator exists: people with names (some also written in Arabic, Cyrillic, Ethiopic, Devanagari
 * or Persian script), birth dates, sex, citizenship, birth place, postcode and document number;
 * some registered again with typing errors, day/month swaps, a year off by one, swapped names, the
 * name in another script and missing values. The id of a record is "person-copy".
 */
final class Corrupted {
  static final String[][] GIVEN = {
    {"Mohammed", "محمد"},
    {"Fatima", "فاطمة"},
    {"Ahmed", "أحمد"},
    {"Hassan", "حسن"},
    {"Maria", "Мария"},
    {"Ivan", "Иван"},
    {"Olga", "Ольга"},
    {"Abebe", "አበበ"},
    {"Ram", "राम"},
    {"Maryam", "مریم"},
    {"Hossein", "حسین"},
    {"Ali", "علی"},
    {"Amina", null},
    {"Joy", null},
    {"Blessing", null},
    {"Grace", null},
    {"Samuel", null},
    {"Daniel", null},
    {"Elena", null},
    {"Ana", null},
    {"Sofia", null},
    {"Nadia", null},
    {"Yusuf", null},
    {"Omar", null},
    {"Aisha", null},
    {"Ibrahim", null},
    {"Khadija", null},
    {"Tesfaye", null},
    {"Mulu", null},
    {"Priya", null},
    {"Anil", null},
    {"Svetlana", null},
    {"Dmitri", null},
    {"Natasha", null},
    {"Precious", null},
    {"Esther", null},
    {"John", null},
    {"Peter", null},
    {"Rosa", null},
    {"Lucia", null}
  };
  static final String[][] FAMILY = {
    {"Petrov", "Петров"},
    {"Ivanova", "Иванова"},
    {"Bikila", "ቢቂላ"},
    {"Hassan", "حسن"},
    {"Sharma", "शर्मा"},
    {"Karimi", "کریمی"},
    {"Haddad", "حداد"},
    {"Smirnova", "Смирнова"},
    {"Okafor", null},
    {"Mensah", null},
    {"Diallo", null},
    {"Traore", null},
    {"Nguyen", null},
    {"Popescu", null},
    {"Kowalska", null},
    {"Rossi", null},
    {"Garcia", null},
    {"Lopez", null},
    {"Ahmadi", null},
    {"Yilmaz", null},
    {"Kaya", null},
    {"Osei", null},
    {"Adeyemi", null},
    {"Balogun", null},
    {"Tadesse", null},
    {"Gebre", null},
    {"Patel", null},
    {"Singh", null},
    {"Kumar", null},
    {"Moldovan", null},
    {"Ionescu", null},
    {"Horvat", null},
    {"Novak", null},
    {"Silva", null},
    {"Santos", null},
    {"Mwangi", null},
    {"Otieno", null},
    {"Kamara", null},
    {"Sesay", null},
    {"Conteh", null},
    {"Bangura", null},
    {"Koroma", null},
    {"Fofana", null},
    {"Camara", null},
    {"Toure", null},
    {"Keita", null},
    {"Sylla", null},
    {"Bah", null},
    {"Barry", null},
    {"Sow", null}
  };
  static final String[] COUNTRIES = {"NGA", "ERI", "ETH", "SYR", "AFG", "UKR", "ROU", "IND"};
  static final String[] PLACES = {
    "Lagos",
    "Benin City",
    "Asmara",
    "Addis Ababa",
    "Aleppo",
    "Kabul",
    "Odesa",
    "Iasi",
    "Delhi",
    "Kano",
    "Herat",
    "Kharkiv",
    "Mumbai",
    "Damascus",
    "Gondar",
    "Constanta"
  };

  final List<LinkageRecord> records = new ArrayList<>();

  /** The true pairs, each as "lesserId|greaterId". */
  final Set<String> truth = new HashSet<>();

  private final Random random;

  /**
   * @param people how many people
   * @param duplicateShare the share of people registered more than once (2 or 3 times)
   * @param error how strongly each further registration is corrupted (0-1)
   */
  Corrupted(long seed, int people, double duplicateShare, double error) {
    random = new Random(seed);
    for (int p = 0; p < people; p++) {
      Map<Field, String> person = person();
      int copies =
          random.nextDouble() < duplicateShare ? 2 + (random.nextDouble() < 0.3 ? 1 : 0) : 1;
      List<String> ids = new ArrayList<>();
      for (int c = 0; c < copies; c++) {
        String id = p + "-" + c;
        records.add(new LinkageRecord(id, c == 0 ? person : corrupt(person, error)));
        for (String other : ids) {
          truth.add(key(other, id));
        }
        ids.add(id);
      }
    }
    java.util.Collections.shuffle(records, random);
  }

  static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }

  private int skewed(int n) {
    // a few names common, most rare
    double x = random.nextDouble();
    return (int) Math.min(n - 1, Math.floor(n * x * x));
  }

  private Map<Field, String> person() {
    Map<Field, String> v = new EnumMap<>(Field.class);
    v.put(Field.GIVEN_NAME, GIVEN[skewed(GIVEN.length)][0]);
    v.put(Field.FAMILY_NAME, FAMILY[skewed(FAMILY.length)][0]);
    v.put(
        Field.BIRTH_DATE,
        String.format(
            "%04d-%02d-%02d",
            1960 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28)));
    v.put(Field.SEX, random.nextBoolean() ? "F" : "M");
    v.put(Field.CITIZENSHIP, COUNTRIES[skewed(COUNTRIES.length)]);
    v.put(Field.BIRTH_PLACE, PLACES[random.nextInt(PLACES.length)]);
    if (random.nextDouble() < 0.6) {
      v.put(Field.POSTCODE, String.valueOf(10000 + random.nextInt(300)));
    }
    if (random.nextDouble() < 0.5) {
      v.put(Field.DOCUMENT_NUMBER, "P" + (1000000 + random.nextInt(8999999)));
    }
    return v;
  }

  private Map<Field, String> corrupt(Map<Field, String> person, double error) {
    Map<Field, String> v = new EnumMap<>(person);
    if (chance(error * 0.3)) {
      v.put(Field.FAMILY_NAME, typo(v.get(Field.FAMILY_NAME)));
    }
    if (chance(error * 0.25)) {
      v.put(Field.GIVEN_NAME, typo(v.get(Field.GIVEN_NAME)));
    }
    if (chance(error * 0.3)) {
      v.put(Field.GIVEN_NAME, script(GIVEN, v.get(Field.GIVEN_NAME)));
      v.put(Field.FAMILY_NAME, script(FAMILY, v.get(Field.FAMILY_NAME)));
    }
    if (chance(error * 0.1)) {
      String g = v.get(Field.GIVEN_NAME);
      v.put(Field.GIVEN_NAME, v.get(Field.FAMILY_NAME));
      v.put(Field.FAMILY_NAME, g);
    }
    String date = v.get(Field.BIRTH_DATE);
    int y = Integer.parseInt(date.substring(0, 4));
    int m = Integer.parseInt(date.substring(5, 7));
    int d = Integer.parseInt(date.substring(8, 10));
    if (d <= 12 && chance(error * 0.2)) {
      v.put(Field.BIRTH_DATE, String.format("%04d-%02d-%02d", y, d, m));
    } else if (chance(error * 0.1)) {
      v.put(
          Field.BIRTH_DATE,
          String.format("%04d-%02d-%02d", y + (random.nextBoolean() ? 1 : -1), m, d));
    }
    if (chance(error * 0.2)) {
      v.remove(Field.BIRTH_DATE);
    }
    if (chance(error * 0.1)) {
      v.remove(Field.GIVEN_NAME);
    }
    if (chance(error * 0.3)) {
      v.remove(Field.POSTCODE);
    }
    if (chance(error * 0.3)) {
      v.remove(Field.BIRTH_PLACE);
    }
    if (v.containsKey(Field.DOCUMENT_NUMBER) && chance(error * 0.2)) {
      v.put(Field.DOCUMENT_NUMBER, typo(v.get(Field.DOCUMENT_NUMBER)));
    }
    return v;
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** The name in its other script when the list has one, else as it is. */
  private static String script(String[][] names, String name) {
    for (String[] n : names) {
      if (n[0].equals(name) && n[1] != null) {
        return n[1];
      }
    }
    return name;
  }

  private String typo(String s) {
    if (s == null || s.length() < 3) {
      return s;
    }
    int i = 1 + random.nextInt(s.length() - 2);
    char c = (char) ('a' + random.nextInt(26));
    return switch (random.nextInt(4)) {
      case 0 -> s.substring(0, i) + c + s.substring(i + 1);
      case 1 -> s.substring(0, i) + c + s.substring(i);
      case 2 -> s.substring(0, i) + s.substring(i + 1);
      default -> s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
    };
  }
}
