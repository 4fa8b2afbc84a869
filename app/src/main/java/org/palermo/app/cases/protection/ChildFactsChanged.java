package org.palermo.app.cases.protection;

import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;

/**
 * Published, inside the writer's transaction, when something that makes a person a child who needs
 * a guardian may have changed: the person registered or edited (birth date, disputed age, migration
 * status), or a link to a suspected exploiter recorded. {@link GuardianDuty} then opens the
 * "appoint a guardian" task at once where one is needed. Carries ids only.
 *
 * @param caseId the case
 * @param by who made the change (the task is opened in their name)
 */
public record ChildFactsChanged(UUID caseId, PalermoPrincipal by) {}
