package org.palermo.app.identification.persistence;

import org.palermo.app.platform.crypto.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The grounds of an identification decision, sealed under the screening's data key like the
 * screening's answers (V17; issue 5 §4). Left plain: the decision kind, trafficking status and
 * deciding organisation (codes the deadlines and indicators use), and the names of the deciding
 * officer and authority (staff and institutions, printed on the decision letter).
 */
@Configuration(proxyBeanMethods = false)
class IdentificationSealedColumns {
  @Bean
  SealedColumn identificationDecisionGrounds() {
    return new SealedColumn(
        "identification_decision",
        "grounds",
        "(SELECT p.screening_id FROM identification_procedure p WHERE p.id = t.procedure_id)",
        "t.id::text");
  }
}
