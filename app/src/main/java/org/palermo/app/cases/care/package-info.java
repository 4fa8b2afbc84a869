/**
 * What a case holds beyond the person (issue 4 §1): risk and vulnerability assessments at four
 * levels, the support plan and its objectives (HTCDS {@code spl_}), services delivered, case notes
 * (HTCDS {@code cco_CaseComment}) and encrypted attachments. Internal to the {@code cases} module;
 * every read and write asks {@link org.palermo.app.access.AccessPolicy} and is audited, and every
 * write goes onto the {@link org.palermo.app.cases.CaseTimeline}.
 */
package org.palermo.app.cases.care;
