package org.palermo.app.identification.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.identification.persistence.FactsJson;
import org.palermo.app.identification.persistence.ScreeningStore;
import org.palermo.app.identification.persistence.ScreeningStore.StoredAssessment;
import org.palermo.app.identification.persistence.ScreeningStore.Summary;
import org.palermo.app.identification.procedure.IdentificationProcedure;
import org.palermo.app.identification.screening.Screening;
import org.palermo.app.identification.screening.ScreeningStatus;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.law.Assessment;
import org.palermo.law.Facts;
import org.palermo.law.engine.Classifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads screenings and their assessments for the user's agency or authority; every read audited.
 */
@Service
public class ScreeningQueries {
  private final Screenings screenings;
  private final ScreeningStore store;
  private final CaseLookup cases;
  private final Classifier classifier;
  private final JsonMapper json;
  private final IdentificationAudit audit;
  private final AccessPolicy policy;

  ScreeningQueries(
      Screenings screenings,
      ScreeningStore store,
      CaseLookup cases,
      Classifier classifier,
      JsonMapper json,
      IdentificationAudit audit,
      AccessPolicy policy) {
    this.policy = policy;
    this.screenings = screenings;
    this.store = store;
    this.cases = cases;
    this.classifier = classifier;
    this.json = json;
    this.audit = audit;
  }

  /** A screening as a user may see it, with its procedure (or null) and the linked case. */
  public record Detail(
      Screening screening,
      IdentificationProcedure procedure,
      String caseReference,
      boolean owner,
      boolean decides) {}

  /** A completed screening's assessment, reproduced from the stored facts and rule set. */
  public record Result(
      Detail detail, StoredAssessment stored, Facts facts, Assessment assessment) {}

  /** The agency's drafts and completed screenings, most recently changed first. */
  public record Listing(
      List<Summary> drafts, List<Summary> completed, long draftCount, long completedCount) {}

  /** A case of the agency and the screenings linked to it. */
  public record CaseScreenings(CaseLookup.CaseRef caseRef, List<Summary> screenings) {}

  @Transactional(readOnly = true)
  public Detail get(PalermoPrincipal who, UUID id) {
    Detail detail = detail(who, id, "identification.screening.read");
    audit.success(
        who, "identification.screening.read", id, "status=" + detail.screening().status());
    return detail;
  }

  @Transactional(readOnly = true)
  public Result result(PalermoPrincipal who, UUID id) {
    Detail detail = detail(who, id, "identification.assessment.read");
    StoredAssessment stored =
        store
            .assessment(id)
            .orElseThrow(
                () ->
                    new PalermoException(
                        ErrorCode.CONFLICT,
                        IdentificationRefusal.NOT_COMPLETED,
                        "The screening is not completed yet."));
    Facts facts = FactsJson.read(json, stored.facts());
    Assessment assessment = classifierFor(stored.ruleSet()).classify(facts);
    audit.success(who, "identification.assessment.read", id, "ruleSet=" + stored.ruleSet());
    return new Result(detail, stored, facts, assessment);
  }

  @Transactional(readOnly = true)
  public Listing list(PalermoPrincipal who, int limit) {
    requireScreener(who, "identification.screening.list");
    List<Summary> drafts = shown(who, store.list(who.agencyId(), ScreeningStatus.DRAFT, limit, 0));
    List<Summary> completed =
        shown(who, store.list(who.agencyId(), ScreeningStatus.COMPLETED, limit, 0));
    audit.agency(
        who,
        "identification.screening.list",
        Outcome.SUCCESS,
        "drafts=" + drafts.size() + " completed=" + completed.size());
    return new Listing(
        drafts,
        completed,
        store.count(who.agencyId(), ScreeningStatus.DRAFT),
        store.count(who.agencyId(), ScreeningStatus.COMPLETED));
  }

  /**
   * A short label per draft, so that an officer can tell drafts apart (issue #14 item 7) without a
   * name on a list: the person's initials and the case reference when the draft is linked to a case
   * and {@code who} may read the person's identity there ({@link FieldGroup#IDENTITY}, asked of the
   * policy for each case; the name is read through {@link CaseLookup#person}, which audits it); the
   * case reference alone when the identity is not readable; and for a draft not yet linked
   * (screenings hold no name) a short reference taken from the screening's id.
   */
  public Map<UUID, String> draftLabels(PalermoPrincipal who, List<Summary> drafts) {
    Map<UUID, String> labels = new java.util.HashMap<>();
    for (Summary d : drafts) {
      String label = shortReference(d.id());
      if (d.caseId() != null && d.caseReference() != null) {
        label = d.caseReference();
        if (policy.allows(who, d.caseId(), FieldGroup.IDENTITY, AccessPolicy.Access.READ)) {
          String initials =
              cases
                  .person(who, d.caseId())
                  .map(p -> initials(p.givenName(), p.familyName()))
                  .orElse("");
          if (!initials.isEmpty()) {
            label = initials + " · " + d.caseReference();
          }
        }
      }
      labels.put(d.id(), label);
    }
    return labels;
  }

  /**
   * How many drafts of the agency {@code who} may see (the menu's count, issue #14 item 7): the
   * same rows as the list, without reading any answer or name.
   */
  @Transactional(readOnly = true)
  public int draftCount(PalermoPrincipal who) {
    if (!IdentificationAccess.screens(who)) {
      return 0;
    }
    return shown(who, store.list(who.agencyId(), ScreeningStatus.DRAFT, 500, 0)).size();
  }

  /** The short reference of a screening: the first six characters of its id, upper case. */
  public static String shortReference(UUID id) {
    return "#" + id.toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
  }

  /** The initials of a name (first letter of each part, any script), e.g. "A. K.". */
  static String initials(String given, String family) {
    StringBuilder out = new StringBuilder();
    for (String part : new String[] {given, family}) {
      if (part == null || part.isBlank()) {
        continue;
      }
      String t = part.strip();
      if (out.length() > 0) {
        out.append(' ');
      }
      out.appendCodePoint(Character.toUpperCase(t.codePointAt(0))).append('.');
    }
    return out.toString();
  }

  /** One page of the agency's screenings of {@code status}. */
  @Transactional(readOnly = true)
  public List<Summary> page(PalermoPrincipal who, ScreeningStatus status, int page, int size) {
    requireScreener(who, "identification.screening.list");
    if (page < 0 || size < 1 || size > 200) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "page must be 0 or more and size between 1 and 200.",
          Map.of("field", page < 0 ? "page" : "size"));
    }
    List<Summary> items = shown(who, store.list(who.agencyId(), status, size, page * size));
    audit.agency(
        who,
        "identification.screening.list",
        Outcome.SUCCESS,
        "status=" + status + " page=" + page + " rows=" + items.size());
    return items;
  }

  public long count(PalermoPrincipal who, ScreeningStatus status) {
    return store.count(who.agencyId(), status);
  }

  @Transactional(readOnly = true)
  public CaseScreenings byCase(PalermoPrincipal who, String reference) {
    requireScreener(who, "identification.screening.by-case");
    CaseLookup.CaseRef ref =
        cases
            .byReference(who, reference)
            .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such case."));
    List<Summary> items = shown(who, store.byCase(ref.id()));
    audit.agency(
        who,
        "identification.screening.by-case",
        Outcome.SUCCESS,
        "case:" + ref.id() + " rows=" + items.size());
    return new CaseScreenings(ref, items);
  }

  private Detail detail(PalermoPrincipal who, UUID id, String action) {
    Screenings.Loaded loaded = screenings.readable(who, id, action);
    String caseReference = store.summary(id).map(Summary::caseReference).orElse(null);
    return new Detail(
        loaded.screening(),
        loaded.procedure(),
        caseReference,
        screenings.owns(who, loaded),
        IdentificationAccess.decides(who, loaded.authorityAgencyId()));
  }

  /** The rows of a list the user may see (the access policy, for screenings linked to a case). */
  private List<Summary> shown(PalermoPrincipal who, List<Summary> rows) {
    return rows.stream().filter(r -> screenings.listable(who, r)).toList();
  }

  private void requireScreener(PalermoPrincipal who, String action) {
    if (!IdentificationAccess.screens(who)) {
      audit.agency(who, action, Outcome.DENIED, "");
      throw Refusals.forbidden("Your role does not screen people.");
    }
  }

  private Classifier classifierFor(String ruleSet) {
    if (ruleSet.equals(classifier.ruleSet().version())) {
      return classifier;
    }
    return Classifier.forVersion(ruleSet);
  }
}
