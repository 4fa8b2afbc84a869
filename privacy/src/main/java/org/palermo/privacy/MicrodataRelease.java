package org.palermo.privacy;

import java.io.Writer;
import org.palermo.privacy.ctdc.CtdcCsvWriter;
import org.palermo.privacy.kanon.KAnonymisation;

/**
 * A k-anonymous CTDC microdata release and its sidecar metadata.
 *
 * @param data the released rows, generalisation and loss
 * @param metadata the sidecar
 */
public record MicrodataRelease(KAnonymisation data, ReleaseMetadata metadata) {

  /** Writes the released rows as a CTDC-layout CSV file. */
  public void writeCsv(Writer out) {
    new CtdcCsvWriter(out).writeAll(data.rows());
  }
}
