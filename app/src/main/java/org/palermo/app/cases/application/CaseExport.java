package org.palermo.app.cases.application;

import java.io.OutputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseList;
import org.palermo.app.cases.CaseList.Filter;
import org.palermo.app.cases.CaseList.Listing;
import org.palermo.app.cases.CaseList.Row;
import org.palermo.app.platform.TableExport;
import org.palermo.app.platform.TableExport.Format;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The case list as CSV or XLSX (SECURITY.md rule 10): the same filter and the same access decisions
 * as the list, so a name, date of birth or citizenship is written only for cases whose identity
 * group the user may read; cells are made formula-safe by {@link TableExport}; every export is
 * audited. At most {@link #MAX_ROWS} rows.
 */
@Service
public class CaseExport {
  static final int MAX_ROWS = 10_000;
  private static final int PAGE = 200;
  private final CaseList list;
  private final CaseAudit audit;
  private final MessageSource messages;

  CaseExport(CaseList list, CaseAudit audit, MessageSource messages) {
    this.list = list;
    this.audit = audit;
    this.messages = messages;
  }

  public void export(
      PalermoPrincipal who, Filter filter, Format format, Locale locale, OutputStream out) {
    TableExport.write(table(who, filter, format, locale), format, out);
  }

  /**
   * The rows {@code who} may export, read and audited before anything is written: a refusal is then
   * an ordinary error answer, not a half-written download (GeneratedAccessMatrixIT).
   */
  public TableExport.Table table(
      PalermoPrincipal who, Filter filter, Format format, Locale locale) {
    List<List<?>> rows = new ArrayList<>();
    List<java.util.UUID> persons = new ArrayList<>();
    for (int page = 0; rows.size() < MAX_ROWS; page++) {
      Listing l = list.search(who, filter, page, PAGE);
      for (Row r : l.items()) {
        persons.add(r.personId());
        rows.add(
            Arrays.asList(
                r.reference(),
                text("caseStatus." + r.status(), locale),
                r.openedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                text(r.child() ? "cases.yes" : "cases.no", locale),
                r.givenName(),
                r.familyName(),
                r.birthDate() == null ? null : r.birthDate().toString(),
                r.citizenships() == null ? null : String.join(" ", r.citizenships())));
      }
      if (page + 1 >= l.totalPages()) {
        break;
      }
    }
    List<String> headings =
        List.of(
            text("cases.reference", locale),
            text("cases.status", locale),
            text("cases.opened", locale),
            text("cases.field.child", locale),
            text("cases.field.givenName", locale),
            text("cases.field.familyName", locale),
            text("cases.field.birthDate", locale),
            text("cases.field.citizenships", locale));
    audit.agencyShown(
        who, "cases.export", "format=" + format.extension() + " rows=" + rows.size(), persons);
    return new TableExport.Table("cases", headings, rows);
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
