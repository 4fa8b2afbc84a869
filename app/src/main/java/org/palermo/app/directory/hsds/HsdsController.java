package org.palermo.app.directory.hsds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public, read-only HSDS 3.0 API (the Open Referral OpenAPI description): the directory's
 * organizations, services, service at locations and taxonomy, as HSDS JSON. No authentication, no
 * session, no personal data.
 */
@RestController
@RequestMapping(path = "/hsds", produces = MediaType.APPLICATION_JSON_VALUE)
class HsdsController {
  static final int DEFAULT_PER_PAGE = 50;
  static final int MAX_PER_PAGE = 500;
  static final int MAX_PAGE = 1_000_000;

  private final HsdsReader reader;

  HsdsController(HsdsReader reader) {
    this.reader = reader;
  }

  /** The API's own description: the HSDS version it speaks. */
  record About(String version, String openapi_url) {}

  @GetMapping({"", "/"})
  About about() {
    return new About(
        "3.0",
        "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json");
  }

  @GetMapping("/services")
  Map<String, Object> services(
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(name = "per_page", defaultValue = "" + DEFAULT_PER_PAGE) int perPage,
      @RequestParam(name = "organization_id", required = false) String organizationId,
      @RequestParam(name = "taxonomy_term_id", required = false) String termId,
      @RequestParam(required = false) String search,
      @RequestParam(defaultValue = "false") boolean full) {
    check(page, perPage);
    HsdsReader.Page p =
        reader.services(page, perPage, idParam(organizationId), idParam(termId), search);
    List<ObjectNode> contents =
        full
            ? p.contents().stream()
                .map(s -> reader.service(UUID.fromString(s.get("id").asString())).orElse(s))
                .toList()
            : p.contents();
    return page(contents, p.total(), page, perPage);
  }

  @GetMapping("/services/{id}")
  ObjectNode service(@PathVariable String id) {
    return found(uuid(id).flatMap(reader::service));
  }

  @GetMapping("/organizations")
  Map<String, Object> organizations(
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(name = "per_page", defaultValue = "" + DEFAULT_PER_PAGE) int perPage) {
    check(page, perPage);
    HsdsReader.Page p = reader.page("organization", page, perPage);
    return page(p.contents(), p.total(), page, perPage);
  }

  @GetMapping("/organizations/{id}")
  ObjectNode organization(
      @PathVariable String id,
      @RequestParam(name = "full_service", defaultValue = "false") boolean fullService) {
    return found(uuid(id).flatMap(u -> reader.organization(u, fullService)));
  }

  @GetMapping("/service_at_locations")
  Map<String, Object> serviceAtLocations(
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(name = "per_page", defaultValue = "" + DEFAULT_PER_PAGE) int perPage) {
    check(page, perPage);
    HsdsReader.Page p = reader.page("service_at_location", page, perPage);
    return page(
        p.contents().stream().map(reader::serviceAtLocationSummary).toList(),
        p.total(),
        page,
        perPage);
  }

  @GetMapping("/service_at_locations/{id}")
  ObjectNode serviceAtLocation(@PathVariable String id) {
    return found(uuid(id).flatMap(reader::serviceAtLocation));
  }

  @GetMapping("/taxonomies")
  Map<String, Object> taxonomies(
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(name = "per_page", defaultValue = "" + DEFAULT_PER_PAGE) int perPage) {
    check(page, perPage);
    HsdsReader.Page p = reader.page("taxonomy", page, perPage);
    return page(p.contents(), p.total(), page, perPage);
  }

  @GetMapping("/taxonomies/{id}")
  ObjectNode taxonomy(@PathVariable String id) {
    return found(uuid(id).flatMap(reader::taxonomy));
  }

  @GetMapping("/taxonomy_terms")
  Map<String, Object> taxonomyTerms(
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(name = "per_page", defaultValue = "" + DEFAULT_PER_PAGE) int perPage) {
    check(page, perPage);
    HsdsReader.Page p = reader.page("taxonomy_term", page, perPage);
    return page(p.contents(), p.total(), page, perPage);
  }

  @GetMapping("/taxonomy_terms/{id}")
  ObjectNode taxonomyTerm(@PathVariable String id) {
    return found(uuid(id).flatMap(reader::taxonomyTerm));
  }

  private static void check(int page, int perPage) {
    if (page < 1 || page > MAX_PAGE) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "page must be 1 to " + MAX_PAGE + ".",
          Map.of("field", "page"));
    }
    if (perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "per_page must be 1 to " + MAX_PER_PAGE + ".",
          Map.of("field", "per_page"));
    }
  }

  /** An HSDS page: the paging members of the OpenAPI {@code Page} schema and {@code contents}. */
  private static Map<String, Object> page(
      List<ObjectNode> contents, long total, int page, int perPage) {
    long pages = (total + perPage - 1) / perPage;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total_items", total);
    out.put("total_pages", pages);
    out.put("page_number", page);
    out.put("size", contents.size());
    out.put("first_page", page == 1);
    out.put("last_page", page >= pages);
    out.put("empty", contents.isEmpty());
    out.put("contents", contents);
    return out;
  }

  private static UUID idParam(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    return uuid(id)
        .orElseThrow(
            () ->
                new PalermoException(
                    ErrorCode.VALIDATION_FAILED, "Not a UUID.", Map.of("field", "id")));
  }

  private static Optional<UUID> uuid(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static ObjectNode found(Optional<ObjectNode> o) {
    return o.orElseThrow(
        () -> new PalermoException(ErrorCode.NOT_FOUND, "No such record in this directory."));
  }
}
