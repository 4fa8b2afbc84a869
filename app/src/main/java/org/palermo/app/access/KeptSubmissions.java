package org.palermo.app.access;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.crypto.DataKeys;
import org.palermo.app.platform.crypto.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An expired session loses nothing (issue #14 item 3). A page form posted after the user's session
 * ended (idle or absolute timeout, {@link SessionTimeouts}; or freed by the container, {@link
 * EndedSessions}) is kept server side instead of being dropped:
 *
 * <ul>
 *   <li>only a form the expired session itself rendered: the post must carry that session's CSRF
 *       token, so a page of another site cannot plant a submission for the user to save later;
 *   <li>sealed at rest — the fields and the path they posted to, which names the case — with a data
 *       key of its own ({@link FieldCipher}), bound to the user whose session it was; the browser
 *       gets only a random handle in a short-lived, HttpOnly cookie ({@value #COOKIE}), and the
 *       table holds only the handle's SHA-256;
 *   <li>single use and short-lived ({@link #LIFETIME}): shown once, to that user only, after
 *       sign-in in the same browser ({@code /session/kept}), then deleted with its data key;
 *       expired rows are purged with their keys;
 *   <li>never replayed by the server: the user sees the kept answers and saves them with a button,
 *       which posts a fresh form (new CSRF token, new submission token) to the same path, where
 *       every check of the form runs again (docs/security.md says why).
 * </ul>
 *
 * Only {@code application/x-www-form-urlencoded} posts are kept: files of a multipart upload are
 * not (the page says so); htmx fragment posts and the sign-in forms are not either.
 */
@Component
public class KeptSubmissions {
  static final String COOKIE = "palermo_kept";
  static final Duration LIFETIME = Duration.ofMinutes(30);

  /**
   * Fields never kept: the tokens (fresh ones are issued), and the confirmation of an irreversible
   * step (removal, erasure, closure: issue #14 item 10), which the user must give again after
   * reading what it does, never carried over by one click on the kept answers.
   */
  static final Set<String> NOT_KEPT = Set.of("_csrf", "_submission", "confirm");

  /** A larger form is not kept (the form pages post a few kilobytes). */
  static final int MAX_CHARS = 256 * 1024;

  private static final String CSRF_ATTRIBUTE =
      HttpSessionCsrfTokenRepository.class.getName().concat(".CSRF_TOKEN");
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(KeptSubmissions.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final FieldCipher cipher;
  private final DataKeys keys;
  private final Clock clock;
  private final AuditLog audit;

  KeptSubmissions(JdbcClient jdbc, FieldCipher cipher, DataKeys keys, Clock clock, AuditLog audit) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.keys = keys;
    this.clock = clock;
    this.audit = audit;
  }

  /** What was kept: the path the form posted to and its fields, in order. */
  public record Kept(String path, List<Map.Entry<String, String>> fields) {}

  /** The CSRF token a session holds (the one its forms carry), or null. */
  static CsrfToken csrfToken(HttpSession session) {
    return session == null ? null : (CsrfToken) session.getAttribute(CSRF_ATTRIBUTE);
  }

  /**
   * Keeps this post for {@code who} when it may be kept: a urlencoded page form carrying {@code
   * sessionToken} (the CSRF token of the session that ended). Sets the handle cookie.
   *
   * @return whether it was kept
   */
  boolean keep(
      HttpServletRequest request,
      HttpServletResponse response,
      PalermoPrincipal who,
      CsrfToken sessionToken) {
    try {
      return keepOrFail(request, response, who, sessionToken);
    } catch (RuntimeException e) {
      // The expiry itself must still happen; nothing personal in the log.
      log.warn("Could not keep a submission after the session ended: {}", e.getClass().getName());
      return false;
    }
  }

  private boolean keepOrFail(
      HttpServletRequest request,
      HttpServletResponse response,
      PalermoPrincipal who,
      CsrfToken sessionToken) {
    if (who == null || sessionToken == null || !keepable(request)) {
      return false;
    }
    String sent =
        new XorCsrfTokenRequestAttributeHandler().resolveCsrfTokenValue(request, sessionToken);
    if (sent == null
        || !MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8),
            sessionToken.getToken().getBytes(StandardCharsets.UTF_8))) {
      return false;
    }
    // The parameters of the action's query string stay in the path (re-posted with it): the body
    // keeps only the form's own fields, or a re-post would send the query's parameters twice.
    Map<String, List<String>> inQuery = queryParameters(request.getQueryString());
    StringBuilder encoded = new StringBuilder();
    for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
      if (NOT_KEPT.contains(field.getKey())) {
        continue;
      }
      List<String> fromQuery = new ArrayList<>(inQuery.getOrDefault(field.getKey(), List.of()));
      for (String value : field.getValue()) {
        if (fromQuery.remove(value)) {
          continue;
        }
        if (!encoded.isEmpty()) {
          encoded.append('&');
        }
        encoded
            .append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    if (encoded.length() > MAX_CHARS) {
      return false;
    }
    byte[] handle = new byte[32];
    RANDOM.nextBytes(handle);
    String handleText = Base64.getUrlEncoder().withoutPadding().encodeToString(handle);
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    purgeExpired();
    jdbc.sql(
            "INSERT INTO kept_submission (id, handle_hash, user_id, path_sealed, fields, kept_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            sha256(handleText),
            who.userId(),
            // The path names the case: sealed like the fields (SECURITY.md; GDPR art. 32).
            cipher.seal(id, path(request)),
            cipher.seal(id, encoded.toString()),
            Timestamp.from(now),
            Timestamp.from(now.plus(LIFETIME)))
        .update();
    Cookie cookie = new Cookie(COOKIE, handleText);
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    cookie.setMaxAge((int) LIFETIME.toSeconds());
    cookie.setAttribute("SameSite", "Strict");
    response.addCookie(cookie);
    record(who, "access.submission.kept", id);
    return true;
  }

  /** Whether the browser holds a kept submission of {@code userId} (nothing is consumed). */
  boolean waitingFor(HttpServletRequest request, UUID userId) {
    return find(request)
        .filter(r -> r.userId().equals(userId))
        .filter(r -> r.expiresAt().isAfter(clock.instant()))
        .isPresent();
  }

  /** Whether the browser holds a handle at all (the sign-in page says the answers were kept). */
  static boolean handleSent(HttpServletRequest request) {
    return handle(request).isPresent();
  }

  /**
   * The kept submission of {@code who} in this browser, consumed: the row and its data key are
   * deleted and the cookie cleared. Another user's kept submission is neither shown nor touched.
   */
  @Transactional
  public Optional<Kept> take(
      HttpServletRequest request, HttpServletResponse response, PalermoPrincipal who) {
    Optional<Row> row = find(request).filter(r -> r.userId().equals(who.userId()));
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Row r = row.get();
    jdbc.sql("DELETE FROM kept_submission WHERE id = ?").param(r.id()).update();
    forgetCookie(request, response);
    if (!r.expiresAt().isAfter(clock.instant())) {
      keys.erase(r.id());
      return Optional.empty();
    }
    String fields = cipher.open(r.id(), r.fields());
    String path = r.pathSealed() != null ? cipher.open(r.id(), r.pathSealed()) : r.path();
    keys.erase(r.id());
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    for (String pair : fields.isEmpty() ? new String[0] : fields.split("&")) {
      int eq = pair.indexOf('=');
      pairs.add(
          Map.entry(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
    }
    record(who, "access.submission.restored", r.id());
    return Optional.of(new Kept(path, pairs));
  }

  /** Drops the user's kept submission in this browser unseen ("Discard"). */
  @Transactional
  public void discard(
      HttpServletRequest request, HttpServletResponse response, PalermoPrincipal who) {
    find(request)
        .filter(r -> r.userId().equals(who.userId()))
        .ifPresent(
            r -> {
              jdbc.sql("DELETE FROM kept_submission WHERE id = ?").param(r.id()).update();
              keys.erase(r.id());
              forgetCookie(request, response);
              record(who, "access.submission.discarded", r.id());
            });
  }

  /** Retention: expired kept submissions are deleted with their data keys (every 5 minutes). */
  @Scheduled(fixedDelayString = "${palermo.session.kept-purge-millis:300000}")
  public void purgeExpired() {
    List<UUID> expired =
        jdbc.sql("DELETE FROM kept_submission WHERE expires_at <= ? RETURNING id")
            .param(Timestamp.from(clock.instant()))
            .query(UUID.class)
            .list();
    if (!expired.isEmpty()) {
      keys.eraseAll(expired);
    }
    sealLegacyPaths();
  }

  /**
   * Seals the path of rows kept before it was sealed (V23_20): at most 30 minutes' worth, sealed
   * with their own data key on the first run after the upgrade (the scheduler runs at start).
   */
  void sealLegacyPaths() {
    List<Map.Entry<UUID, String>> legacy =
        jdbc.sql("SELECT id, path FROM kept_submission WHERE path IS NOT NULL")
            .query((rs, i) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("path")))
            .list();
    for (Map.Entry<UUID, String> row : legacy) {
      jdbc.sql(
              "UPDATE kept_submission SET path_sealed = ?, path = NULL"
                  + " WHERE id = ? AND path IS NOT NULL")
          .params(cipher.seal(row.getKey(), row.getValue()), row.getKey())
          .update();
    }
  }

  /** The parameters of a raw query string, decoded, each name with its values in order. */
  static Map<String, List<String>> queryParameters(String query) {
    Map<String, List<String>> out = new java.util.HashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
          .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static boolean keepable(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return false;
    }
    String type = request.getContentType();
    if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      return false;
    }
    if ("true".equals(request.getHeader("HX-Request"))) {
      return false;
    }
    String path = path(request);
    return !(path.startsWith("/login")
        || path.startsWith("/logout")
        || path.startsWith("/session/")
        || path.startsWith("/api/")
        || path.startsWith("//"));
  }

  /** The path (and query) the form posted to, within the application. */
  private static String path(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
  }

  private record Row(
      UUID id, UUID userId, String path, String pathSealed, String fields, Instant expiresAt) {}

  private Optional<Row> find(HttpServletRequest request) {
    return handle(request)
        .flatMap(
            h ->
                jdbc.sql(
                        "SELECT id, user_id, path, path_sealed, fields, expires_at"
                            + " FROM kept_submission WHERE handle_hash = ?")
                    .param(sha256(h))
                    .query(
                        (rs, i) ->
                            new Row(
                                rs.getObject("id", UUID.class),
                                rs.getObject("user_id", UUID.class),
                                rs.getString("path"),
                                rs.getString("path_sealed"),
                                rs.getString("fields"),
                                rs.getTimestamp("expires_at").toInstant()))
                    .optional());
  }

  private static Optional<String> handle(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie c : cookies) {
      if (COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().length() == 43) {
        return Optional.of(c.getValue());
      }
    }
    return Optional.empty();
  }

  private static void forgetCookie(HttpServletRequest request, HttpServletResponse response) {
    Cookie cookie = new Cookie(COOKIE, "");
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    cookie.setMaxAge(0);
    response.addCookie(cookie);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void record(PalermoPrincipal who, String action, UUID id) {
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            action,
            "user:" + who.userId(),
            Outcome.SUCCESS,
            "kept=" + id));
  }
}
