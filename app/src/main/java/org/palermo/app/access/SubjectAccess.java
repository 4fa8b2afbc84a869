package org.palermo.app.access;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * on one person, from every table that references the person ({@code person_id}) or one of their
 * cases ({@code case_id}), with sealed values opened, plus the audit entries about those cases (who
 * read or changed them). The set of tables is read from the database schema, so tables other
 * modules add later are included without a change here. Every export is audited.
 */
@Service
public class SubjectAccess {
  /** Tables never exported: key material and keyed search tokens. */
  private static final Set<String> EXCLUDED =
      Set.of("data_key", "person_name_token", "case_name_token", "audit_subject");

  private static final String SEALED_SUFFIX = "_sealed";

  private final JdbcClient jdbc;
  private final AccessPolicy policy;
  private final FieldCipher cipher;
  private final SealedText sealedText;
  private final JsonMapper json;
  private final AuditLog audit;
  private final Clock clock;

  SubjectAccess(
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
    List<Map<String, Object>> person = rows("person", "id", personId);
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
    for (String t : tablesWith("person_id")) {
      List<Map<String, Object>> r = rows(t, "person_id", personId);
      if (!r.isEmpty()) {
        byPerson.put(t, r);
      }
    }
    out.put("recordsOfThePerson", byPerson);
    // Who saw the person: reads of the person themself and every list, export or search that
    // showed them (audit_subject, issue #11 item 17; ASVS 7.1).
    List<Map<String, Object>> reads =
        new ArrayList<>(rows("audit_event", "target", "person:" + personId));
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
      for (String t : tablesWith("case_id")) {
        List<Map<String, Object>> r = rows(t, "case_id", caseId);
        if (!r.isEmpty()) {
          tables.put(t, r);
        }
      }
      c.put("records", tables);
      c.put("auditTrail", rows("audit_event", "target", "case:" + caseId));
      caseExports.add(c);
      audit.record(
          new AuditEntry(
              actor, agency, "privacy.dsar", "case:" + caseId, Outcome.SUCCESS, "export"));
    }
    out.put("cases", caseExports);
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

  private List<String> tablesWith(String column) {
    return jdbc
        .sql(
            "SELECT table_name FROM information_schema.columns WHERE table_schema ="
                + " current_schema() AND column_name = ? ORDER BY table_name")
        .param(column)
        .query(String.class)
        .list()
        .stream()
        .filter(t -> !EXCLUDED.contains(t) && !t.equals("person"))
        .toList();
  }

  private List<Map<String, Object>> rows(String table, String column, Object value) {
    List<Map<String, Object>> raw =
        jdbc.sql(
                "SELECT * FROM \""
                    + table.replace("\"", "")
                    + "\" WHERE \""
                    + column.replace("\"", "")
                    + "\" = ?")
            .param(value)
            .query()
            .listOfRows();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : raw) {
      List<UUID> candidates =
          row.values().stream().filter(UUID.class::isInstance).map(UUID.class::cast).toList();
      Map<String, Object> clean = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : row.entrySet()) {
        if (e.getKey().equals("totp_secret") || e.getKey().equals("password_hash")) {
          continue;
        }
        if (e.getKey().endsWith(SEALED_SUFFIX) && e.getValue() instanceof byte[] bytes) {
          // Free text sealed into <column>_sealed (V17): shown, opened, under <column>.
          String plainColumn =
              e.getKey().substring(0, e.getKey().length() - SEALED_SUFFIX.length());
          clean.put(plainColumn, openText(table, plainColumn, row.get("id"), bytes, candidates));
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
