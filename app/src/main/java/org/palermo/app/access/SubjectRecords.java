package org.palermo.app.access;

import java.util.List;

/**
 * What a module contributes to the data-subject access export (issue 12 §2: an allowlist built from
 * what each module contributes, not {@code SELECT *}): every table it owns that holds a row of a
 * person or of one of their cases, with the columns given and withheld. Implemented by each module
 * that owns such tables; read by {@link SubjectAccess}.
 */
public interface SubjectRecords {
  List<SubjectTable> subjectTables();
}
