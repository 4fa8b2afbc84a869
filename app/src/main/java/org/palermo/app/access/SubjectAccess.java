package org.palermo.app.access;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.crypto.FieldCipher;
import org.palermo.app.platform.crypto.SealedDataException;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data-subject access export (GDPR Art. 15; IOM Data Protection Principle 7): everything held
 * on one person, with sealed values opened, plus the audit entries about their cases (who read or
 * changed them) and every list or search that showed them. It is an allowlist: each module declares
 * its tables and the columns the person is given ({@link SubjectRecords}), and the export reads
 * those columns only; what is withheld is named in the export with the reason. {@code
 * SubjectAccessAllowlistIT} fails when a table with a {@code person_id} or {@code case_id}, or a
 * column of a declared table, is not classified, so a column added later reaches no one by default.
 * Every export is audited.
 */
@Service
public class SubjectAccess {
  private static final String SEALED_SUFFIX = "_sealed";

  private final JdbcClient jdbc;
  private final AccessPolicy policy;
  private final FieldCipher cipher;
  private final SealedText sealedText;
  private final JsonMapper json;
  private final AuditLog audit;
  private final Clock clock;
  private final List<SubjectTable> tables;

  SubjectAccess(
      List<SubjectRecords> contributions,
      JdbcClient jdbc,
      AccessPolicy policy,
      FieldCipher cipher,
      SealedText sealedText,
      JsonMapper json,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.cipher = cipher;
    this.sealedText = sealedText;
    this.json = json;
    this.audit = audit;
    this.clock = clock;
    this.tables =
        contributions.stream()
            .flatMap(c -> c.subjectTables().stream())
            .sorted(java.util.Comparator.comparing(SubjectTable::table))
            .toList();
  }

  /** Every table's declaration, from every module. */
  public List<SubjectTable> declarations() {
    return tables;
  }

  /** The export for the DPO of the agency that owns the case: the whole person of that case. */
  public String exportCase(PalermoPrincipal who, UUID caseId) {
    policy.require(who, caseId, FieldGroup.IDENTITY, Access.READ, Purpose.OVERSIGHT);
    UUID person =
        jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
            .param(caseId)
            .query(UUID.class)
            .optional()
            .orElseThrow(
                () -> new PalermoException(ErrorCode.NOT_FOUND, AccessPolicy.NO_SUCH_CASE));
    return export(person, who.username(), who.agencyName());
  }

  /**
   * The export of one person, for an operator with the data directory ({@code palermo privacy}).
   */
  public String exportPerson(UUID personId, String actor) {
    return export(personId, actor, "-");
  }

  private String export(UUID personId, String actor, String agency) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("personId", personId);
    out.put("exportedAt", clock.instant().toString());
    SubjectTable personTable =
        tables.stream()
            .filter(t -> t.key() == SubjectTable.Key.PERSON)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no module declares the person table"));
    List<Map<String, Object>> person = rows(personTable, personId);
    if (person.isEmpty()) {
      throw new PalermoException(ErrorCode.NOT_FOUND, "No such person.");
    }
    out.put("person", person.get(0));
    List<UUID> cases =
        jdbc.sql("SELECT id FROM case_file WHERE person_id = ? ORDER BY opened_at")
            .param(personId)
            .query(UUID.class)
            .list();
    Map<String, Object> byPerson = new LinkedHashMap<>();
    for (SubjectTable t : declared(SubjectTable.Key.PERSON_ID)) {
      List<Map<String, Object>> r = rows(t, personId);
      if (!r.isEmpty()) {
        byPerson.put(t.table(), r);
      }
    }
    out.put("recordsOfThePerson", byPerson);
    // Who saw the person: reads of the person themself and every list, export or search that
    // showed them (audit_subject, issue #11 item 17; ASVS 7.1).
    List<Map<String, Object>> reads = new ArrayList<>(auditTrail("person:" + personId));
    reads.addAll(
        jdbc
            .sql(
                "SELECT e.* FROM audit_event e JOIN audit_subject s ON s.audit_seq = e.seq"
                    + " WHERE s.person_id = ? ORDER BY e.seq")
            .param(personId)
            .query()
            .listOfRows()
            .stream()
            .map(SubjectAccess::auditRow)
            .toList());
    out.put("seenBy", reads);
    List<Map<String, Object>> caseExports = new ArrayList<>();
    for (UUID caseId : cases) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("caseId", caseId);
      Map<String, Object> tables = new LinkedHashMap<>();
      for (SubjectTable t : declared(SubjectTable.Key.CASE_ID)) {
        List<Map<String, Object>> r = rows(t, caseId);
        if (!r.isEmpty()) {
          tables.put(t.table(), r);
        }
      }
      c.put("records", tables);
      c.put("auditTrail", auditTrail("case:" + caseId));
      caseExports.add(c);
      audit.record(
          new AuditEntry(
              actor, agency, "privacy.dsar", "case:" + caseId, Outcome.SUCCESS, "export"));
    }
    out.put("cases", caseExports);
    Map<String, String> withheld = new java.util.TreeMap<>();
    for (SubjectTable t : tables) {
      t.withheld().forEach((column, why) -> withheld.put(t.table() + "." + column, why.name()));
    }
    out.put("withheld", withheld);
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(out);
  }

  private static Map<String, Object> auditRow(Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : row.entrySet()) {
      Object v = e.getValue();
      out.put(e.getKey(), v instanceof Timestamp t ? t.toInstant().toString() : v);
    }
    return out;
  }

  private List<SubjectTable> declared(SubjectTable.Key key) {
    return tables.stream().filter(t -> t.key() == key && !t.given().isEmpty()).toList();
  }

  private List<Map<String, Object>> auditTrail(String target) {
    return jdbc
        .sql("SELECT * FROM audit_event WHERE target = ? ORDER BY seq")
        .param(target)
        .query()
        .listOfRows()
        .stream()
        .map(SubjectAccess::auditRow)
        .toList();
  }

  /** The given columns of the table's rows of the person or case (identifiers checked on build). */
  private List<Map<String, Object>> rows(SubjectTable t, Object value) {
    List<Map<String, Object>> raw =
        jdbc.sql(
                "SELECT "
                    + String.join(", ", t.given())
                    + " FROM "
                    + t.table()
                    + " WHERE "
                    + t.key().column()
                    + " = ?")
            .param(value)
            .query()
            .listOfRows();
    String table = t.table();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : raw) {
      List<UUID> candidates =
          row.values().stream().filter(UUID.class::isInstance).map(UUID.class::cast).toList();
      Map<String, Object> clean = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : row.entrySet()) {
        if (e.getKey().endsWith(SEALED_SUFFIX)) {
          // Free text sealed into <column>_sealed (V17): shown, opened, under <column>.
          String plainColumn =
              e.getKey().substring(0, e.getKey().length() - SEALED_SUFFIX.length());
          clean.put(
              plainColumn,
              e.getValue() instanceof byte[] bytes
                  ? openText(table, plainColumn, row.get("id"), bytes, candidates)
                  : plain(e.getValue(), candidates));
          continue;
        }
        clean.put(e.getKey(), plain(e.getValue(), candidates));
      }
      out.add(clean);
    }
    return out;
  }

  private Object plain(Object v, List<UUID> candidates) {
    if (v == null) {
      return null;
    }
    if (v instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    if (v instanceof Array a) {
      try {
        return List.of((Object[]) a.getArray());
      } catch (SQLException e) {
        return String.valueOf(v);
      }
    }
    if (v instanceof UUID || v instanceof Number || v instanceof Boolean) {
      return v;
    }
    String s = String.valueOf(v);
    if (FieldCipher.isSealed(s)) {
      return open(s, candidates);
    }
    if (s.startsWith("{\"sealed\"")) {
      JsonNode node = json.readTree(s);
      if (node.has("sealed")) {
        Object opened = open(node.get("sealed").stringValue(), candidates);
        return opened instanceof String text && text.startsWith("{") ? json.readTree(text) : opened;
      }
    }
    return s;
  }

  private String openText(
      String table, String column, Object rowKey, byte[] sealed, List<UUID> candidates) {
    for (UUID id : candidates) {
      java.util.Optional<String> text = sealedText.tryOpen(id, table, column, rowKey, sealed);
      if (text.isPresent()) {
        return text.get();
      }
    }
    return "[sealed: erased or not openable]";
  }

  private Object open(String sealed, List<UUID> candidates) {
    for (UUID id : candidates) {
      try {
        return cipher.open(id, sealed);
      } catch (SealedDataException e) {
        // Not this record's key; try the next.
      }
    }
    return "[sealed: erased or not openable]";
  }
}
