package org.palermo.app.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Given and family names in several scripts, combined at random into synthetic people. Each set
 * comes with the citizenships and languages (ISO 639-2) that a synthetic person of it holds.
 */
final class DemoNames {
  record NameSet(
      String script,
      List<String> female,
      List<String> male,
      List<String> family,
      List<String> languages) {}

  static final List<NameSet> SETS =
      List.of(
          new NameSet(
              "Latin",
              List.of("Amara", "Grace", "Blessing", "Maria", "Ana", "Joy", "Rosa", "Esther"),
              List.of("Samuel", "Daniel", "Emeka", "José", "Luis", "Kwame", "Ibrahim", "Paul"),
              List.of("Okafor", "Mensah", "Silva", "Diallo", "Mendes", "Banda", "Osei", "Ruiz"),
              List.of("eng", "fra", "spa", "por")),
          new NameSet(
              "Arabic",
              List.of("فاطمة", "مريم", "عائشة", "نور", "سارة", "هدى"),
              List.of("محمد", "أحمد", "يوسف", "عمر", "خالد", "علي"),
              List.of("حسن", "إبراهيم", "الأمين", "عثمان", "سليمان", "النور"),
              List.of("ara")),
          new NameSet(
              "Cyrillic",
              List.of("Ольга", "Наталья", "Ирина", "Светлана", "Мария", "Анна"),
              List.of("Андрей", "Сергей", "Дмитрий", "Олег", "Иван", "Николай"),
              List.of("Петренко", "Коваленко", "Иванова", "Смирнова", "Бондаренко", "Попова"),
              List.of("rus", "ukr")),
          new NameSet(
              "Ethiopic",
              List.of("ሰላም", "ሄለን", "ብርሃን", "ማርታ", "ትዕግስት", "ፍረወይኒ"),
              List.of("ዳዊት", "ሙሉጌታ", "ተስፋዬ", "ዮናስ", "ኃይሌ", "ሰለሞን"),
              List.of("ተስፋዬ", "ገብረመድህን", "ኃይሉ", "በየነ", "ወልደሚካኤል", "አለሙ"),
              List.of("tir", "amh")),
          new NameSet(
              "Devanagari",
              List.of("सीता", "गीता", "पूजा", "अनीता", "सुनीता"),
              List.of("राम", "सुरेश", "बिकाश", "प्रकाश", "दीपक"),
              List.of("थापा", "गुरुङ", "श्रेष्ठ", "तामाङ", "राई"),
              List.of("nep", "hin")),
          new NameSet(
              "Persian",
              List.of("زهرا", "فرشته", "مینا", "شبنم", "لیلا"),
              List.of("رضا", "حمید", "جواد", "نوید", "مهدی"),
              List.of("احمدی", "حسینی", "رحیمی", "کریمی", "محمدی"),
              List.of("per", "pus")));

  private DemoNames() {}

  static String pick(List<String> values, RandomGenerator random) {
    return values.get(random.nextInt(values.size()));
  }
}
