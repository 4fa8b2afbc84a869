package org.palermo.app.directory;

import java.nio.file.Path;
import java.util.List;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.directory.hsds.HsdsExchange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings Open Referral HSDS 3.0 data into the directory and takes it out again: HSDS JSON (a list
 * of nested services, one record, an API page, or a directory of such files) and the HSDS tabular
 * data package. An import is one transaction — a fault anywhere stores nothing — and is idempotent
 * by HSDS id. Directory data is public; the audit log still records who changed it.
 */
@Service
public class DirectoryExchange {
  private final HsdsExchange exchange;
  private final AuditLog audit;

  DirectoryExchange(HsdsExchange exchange, AuditLog audit) {
    this.exchange = exchange;
    this.audit = audit;
  }

  /** What an import stored. */
  public record Imported(int records, List<String> files, List<String> skipped) {}

  /** Export formats. */
  public enum Format {
    JSON,
    TABULAR
  }

  /**
   * Imports an HSDS JSON file or a directory (tabular package or JSON files).
   *
   * @throws HsdsFormatException naming the file and field at fault; nothing is then stored
   */
  @Transactional
  public Imported importPath(Path path, String actor) {
    HsdsExchange.Imported r = exchange.importPath(path);
    record(actor, "directory.import", r.records());
    return new Imported(r.records(), r.files(), r.skipped());
  }

  /** Imports one HSDS JSON document given as bytes, in one transaction. */
  @Transactional
  public Imported importJson(String name, byte[] content, String actor) {
    HsdsExchange.Imported r = exchange.importJson(name, content);
    record(actor, "directory.import", r.records());
    return new Imported(r.records(), r.files(), r.skipped());
  }

  /** Writes the whole directory into {@code dir} as HSDS JSON or a tabular package. */
  @Transactional(readOnly = true)
  public List<Path> export(Path dir, Format format, String actor) {
    List<Path> files =
        exchange.export(
            dir, format == Format.JSON ? HsdsExchange.Format.JSON : HsdsExchange.Format.TABULAR);
    record(actor, "directory.export", files.size());
    return files;
  }

  private void record(String actor, String action, int count) {
    audit.record(
        new AuditEntry(
            actor, null, action, "directory", AuditEntry.Outcome.SUCCESS, "count=" + count));
  }
}
