package org.palermo.app.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.palermo.app.access.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/cases}: the agency's cases, paged. */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases")
@SecurityRequirement(name = "token")
class CaseApi {
  private final CaseList cases;

  CaseApi(CaseList cases) {
    this.cases = cases;
  }

  @GetMapping
  @Operation(summary = "List the cases of your agency, newest first")
  CasePageResponse list(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) CaseStatus status) {
    CaseList.Page p = cases.list(CurrentUser.get(), status, page, size);
    return new CasePageResponse(
        p.items().stream()
            .map(c -> new CaseItem(c.id(), c.reference(), c.status(), c.openedAt()))
            .toList(),
        p.page(),
        p.size(),
        p.totalItems(),
        p.totalPages());
  }

  /** One page of cases. */
  record CasePageResponse(
      List<CaseItem> items, int page, int size, long totalItems, long totalPages) {}

  /** One case in the list. */
  record CaseItem(UUID id, String reference, CaseStatus status, Instant openedAt) {}
}
