package org.palermo.app.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of agencies, accounts and API tokens, used by the CLI, the demo seeder and the
 * account pages. Every change is audited.
 */
@Service
public class Accounts {
  static final String TOKEN_PREFIX = "plm_";
  private static final int MIN_PASSWORD_LENGTH = 12;

  private final AccessRepository repository;
  private final PasswordEncoder passwords;
  private final AuditLog audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Accounts(AccessRepository repository, PasswordEncoder passwords, AuditLog audit, Clock clock) {
    this.repository = repository;
    this.passwords = passwords;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether any account exists: a fresh instance has none and asks for an administrator. */
  public boolean hasUsers() {
    return repository.countUsers() > 0;
  }

  public List<Agency> agencies() {
    return repository.agencies();
  }

  public Optional<Agency> agencyByName(String name) {
    return repository.agencyByName(name);
  }

  /** Registers an independent agency. */
  @Transactional
  public Agency addAgency(String name, AgencyType type, String country, String actor) {
    return addAgency(name, type, null, country, actor);
  }

  /**
   * Registers an agency; {@code sitsIn} is the enforcement body it is a unit of, or null (a
   * competent authority in the police is classified by that function: issue 13 §2).
   */
  @Transactional
  public Agency addAgency(
      String name, AgencyType type, AgencyType sitsIn, String country, String actor) {
    if (sitsIn != null && !sitsIn.isEnforcement()) {
      throw invalid(
          "sitsIn", "An agency sits in LAW_ENFORCEMENT or IMMIGRATION_ENFORCEMENT, or in none.");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw invalid("agency", "An agency needs a name of 1 to 200 characters.");
    }
    if (country != null && !country.matches("[A-Z]{2}")) {
      throw invalid("country", "The country must be an ISO 3166-1 alpha-2 code, e.g. KE.");
    }
    if (repository.agencyByName(name.strip()).isPresent()) {
      throw new PalermoException(ErrorCode.CONFLICT, "An agency with that name exists already.");
    }
    Agency agency = new Agency(UUID.randomUUID(), name.strip(), type, country, sitsIn);
    repository.insertAgency(agency, clock.instant());
    audit.record(
        new AuditEntry(
            actor,
            "-",
            "access.agency.add",
            "agency:" + agency.id(),
            Outcome.SUCCESS,
            "type=" + type + (sitsIn == null ? "" : " sitsIn=" + sitsIn)));
    return agency;
  }

  /** The command to create an account. */
  public record NewUser(
      String username, String displayName, UUID agencyId, Set<Role> roles, char[] password) {}

  /** Creates an account with a password that meets the policy. */
  @Transactional
  public UUID addUser(NewUser command, String actor) {
    String username = normaliseUsername(command.username());
    if (!username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
      throw invalid(
          "username",
          "A username has 2 to 64 characters: lower-case letters, digits, '.', '_' or '-'.");
    }
    if (command.roles() == null || command.roles().isEmpty()) {
      throw invalid("roles", "An account needs at least one role.");
    }
    String displayName =
        command.displayName() == null || command.displayName().isBlank()
            ? username
            : command.displayName().strip();
    Agency agency =
        repository
            .agency(command.agencyId())
            .orElseThrow(() -> invalid("agency", "No such agency."));
    checkPassword(command.password(), username);
    if (repository.userByUsername(username).isPresent()) {
      throw new PalermoException(ErrorCode.CONFLICT, "That username is taken.");
    }
    UserAccount account =
        new UserAccount(
            UUID.randomUUID(),
            username,
            displayName,
            agency.id(),
            EnumSet.copyOf(command.roles()),
            passwords.encode(new String(command.password())),
            null,
            null,
            0,
            null,
            true);
    repository.insertUser(account, clock.instant());
    audit.record(
        new AuditEntry(
            actor,
            "-",
            "access.user.add",
            "user:" + account.id(),
            Outcome.SUCCESS,
            "roles=" + command.roles() + " agency=" + agency.id()));
    return account.id();
  }

  /**
   * Whether {@code password} passes the rules {@link #addUser} applies to an account named {@code
   * username} (for generated passwords, such as the demo's).
   */
  public static boolean acceptablePassword(char[] password, String username) {
    try {
      checkPassword(password, normaliseUsername(username));
      return true;
    } catch (PalermoException refused) {
      return false;
    }
  }

  static void checkPassword(char[] password, String username) {
    if (password == null || password.length < MIN_PASSWORD_LENGTH) {
      throw invalid(
          "password", "A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
    }
    if (password.length > 128) {
      throw invalid("password", "A password may have at most 128 characters.");
    }
    if (new String(password).toLowerCase(Locale.ROOT).contains(username)) {
      throw invalid("password", "A password may not contain the username.");
    }
  }

  /** The stored form of a username: trimmed, lower case. */
  public static String normalise(String username) {
    return normaliseUsername(username);
  }

  static String normaliseUsername(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  private static PalermoException invalid(String field, String detail) {
    return new PalermoException(
        ErrorCode.VALIDATION_FAILED, detail, java.util.Map.of("field", field));
  }

  /** One row of the account list. */
  public record UserSummary(
      UUID id,
      String username,
      String displayName,
      String agency,
      AgencyType agencyType,
      Set<Role> roles,
      boolean locked,
      boolean secondFactor,
      boolean enabled) {}

  public List<UserSummary> users() {
    Instant now = clock.instant();
    java.util.Map<UUID, Agency> agencies = new java.util.HashMap<>();
    repository.agencies().forEach(a -> agencies.put(a.id(), a));
    return repository.users().stream()
        .map(u -> summary(u, agencies.get(u.agencyId()), now))
        .toList();
  }

  /** The accounts of one agency, without reading the others. */
  public List<UserSummary> usersOf(UUID agencyId) {
    Instant now = clock.instant();
    Agency agency =
        repository.agencies().stream()
            .filter(a -> a.id().equals(agencyId))
            .findFirst()
            .orElse(null);
    return repository.usersOf(agencyId).stream().map(u -> summary(u, agency, now)).toList();
  }

  /** One account by username, without reading the others. */
  public Optional<UserSummary> user(String username) {
    return repository.userByUsername(normaliseUsername(username)).map(this::summary);
  }

  /** One account by id, without reading the others. */
  public Optional<UserSummary> user(UUID id) {
    return repository.user(id).map(this::summary);
  }

  private UserSummary summary(UserAccount u) {
    return summary(u, repository.agency(u.agencyId()).orElseThrow(), clock.instant());
  }

  private static UserSummary summary(UserAccount u, Agency a, Instant now) {
    return new UserSummary(
        u.id(),
        u.username(),
        u.displayName(),
        a.name(),
        a.type(),
        u.roles(),
        u.lockedAt(now),
        u.hasTotp(),
        u.enabled());
  }

  /** The principal for an account, as the security context and other modules see it. */
  Optional<PalermoPrincipal> principal(UUID userId) {
    return repository.user(userId).map(this::principalOf);
  }

  /** The principal of an enabled, unlocked account, for logins vouched for by OIDC. */
  Optional<PalermoPrincipal> enabledPrincipal(String username) {
    Instant now = clock.instant();
    return repository
        .userByUsername(normaliseUsername(username))
        .filter(u -> u.enabled() && !u.lockedAt(now))
        .map(this::principalOf);
  }

  /** The enabled, unlocked account linked to an OIDC subject, if any. */
  Optional<UserAccount> enabledOidcUser(String issuer, String subject) {
    Instant now = clock.instant();
    return repository
        .userByOidcSubject(issuer, subject)
        .filter(u -> u.enabled() && !u.lockedAt(now));
  }

  /**
   * Links an account to the identity provider's stable subject ({@code iss} and {@code sub} of its
   * ID tokens), the only key an OIDC sign-in is matched on. Audited.
   */
  public void linkOidc(String username, String issuer, String subject, String actor) {
    UserAccount user =
        repository
            .userByUsername(normaliseUsername(username))
            .orElseThrow(() -> invalid("username", "No such user."));
    if (issuer == null || issuer.isBlank() || subject == null || subject.isBlank()) {
      throw invalid("subject", "Give the provider's issuer and the subject (sub) of the account.");
    }
    if (issuer.length() > 500 || subject.length() > 255) {
      throw invalid("subject", "The issuer or subject is too long.");
    }
    repository.linkOidc(user.id(), issuer.strip(), subject.strip());
    audit.record(
        new AuditEntry(
            actor, "-", "access.user.oidc-link", "user:" + user.id(), Outcome.SUCCESS, ""));
  }

  PalermoPrincipal principalOf(UserAccount u) {
    Agency a = repository.agency(u.agencyId()).orElseThrow();
    return new PalermoPrincipal(
        u.id(), u.username(), u.displayName(), a.id(), a.name(), a.type(), u.roles(), a.function());
  }

  // --- API tokens

  /** A newly issued token: the secret is shown once and never stored. */
  public record IssuedToken(UUID id, String name, String secret, Instant expiresAt) {}

  /** Issues a personal API token for a user. */
  @Transactional
  public IssuedToken issueToken(String username, String name, Duration validity, String actor) {
    UserAccount user =
        repository
            .userByUsername(normaliseUsername(username))
            .orElseThrow(() -> invalid("username", "No such user."));
    String tokenName = name == null || name.isBlank() ? "token" : name.strip();
    if (tokenName.length() > 100) {
      throw invalid("name", "A token name has at most 100 characters.");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    ApiToken token =
        new ApiToken(
            UUID.randomUUID(),
            user.id(),
            tokenName,
            secret.substring(0, 12),
            now,
            validity == null ? null : now.plus(validity),
            null,
            null);
    repository.insertToken(token, hash(secret));
    audit.record(
        new AuditEntry(
            actor,
            "-",
            "access.token.issue",
            "token:" + token.id(),
            Outcome.SUCCESS,
            "user=" + user.id()));
    return new IssuedToken(token.id(), tokenName, secret, token.expiresAt());
  }

  public List<ApiToken> tokens(UUID userId) {
    return repository.tokensOf(userId);
  }

  /** Revokes one of a user's tokens; returns false if there was no such active token. */
  @Transactional
  public boolean revokeToken(UUID userId, UUID tokenId, String actor) {
    boolean revoked = repository.revokeToken(tokenId, userId, clock.instant());
    audit.record(
        new AuditEntry(
            actor,
            "-",
            "access.token.revoke",
            "token:" + tokenId,
            revoked ? Outcome.SUCCESS : Outcome.FAILURE,
            ""));
    return revoked;
  }

  /**
   * How long a token check is kept in memory. Revoking a token, and any change to accounts or
   * tokens through this module, drops what is kept at once (see {@link
   * AccessRepository#generation()}); the time-to-live only bounds what the expiry and lock checks,
   * which are made again on every use, cannot see (docs/api.md, "API tokens").
   */
  static final Duration TOKEN_CACHE_TTL = Duration.ofSeconds(5);

  /** {@code last_used_at} of a token is written at most this often (it is a day-level hint). */
  static final Duration TOKEN_TOUCH_INTERVAL = Duration.ofMinutes(1);

  private static final int TOKEN_CACHE_LIMIT = 10_000;

  /** What a token check found: the token, its account and the principal, as of {@code loadedAt}. */
  private record KnownToken(
      ApiToken token,
      UserAccount user,
      PalermoPrincipal principal,
      long generation,
      Instant loadedAt,
      java.util.concurrent.atomic.AtomicReference<Instant> lastUsed) {}

  /** Keyed by the hex SHA-256 of the secret, never by the secret. */
  private final java.util.concurrent.ConcurrentHashMap<String, KnownToken> knownTokens =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The account a presented token belongs to, if the token is active. The look-up (token, account,
   * roles, agency) is kept for {@link #TOKEN_CACHE_TTL} and dropped by any write of the access
   * repository (a revocation, for one); expiry and the account's being enabled are checked again on
   * every use. A sign-in lockout does not stop tokens.
   */
  Optional<PalermoPrincipal> authenticateToken(String secret) {
    if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    byte[] hash = hash(secret);
    String key = java.util.HexFormat.of().formatHex(hash);
    long generation = repository.generation();
    KnownToken known = knownTokens.get(key);
    if (known == null
        || known.generation() != generation
        || !now.isBefore(known.loadedAt().plus(TOKEN_CACHE_TTL))
        || now.isBefore(known.loadedAt())) {
      known = load(hash, generation, now);
      if (known == null) {
        knownTokens.remove(key);
        return Optional.empty();
      }
      if (knownTokens.size() >= TOKEN_CACHE_LIMIT) {
        knownTokens.clear();
      }
      knownTokens.put(key, known);
    }
    // The account's sign-in lockout is deliberately not checked: anyone who knows a username can
    // trigger it, so it locks the sign-in form only, never the person's machine clients (issue
    // #11 item 16). Disabling the account or revoking the token stops a token.
    if (!known.token().activeAt(now) || !known.user().enabled()) {
      knownTokens.remove(key);
      return Optional.empty();
    }
    Instant last = known.lastUsed().get();
    if ((last == null || !now.isBefore(last.plus(TOKEN_TOUCH_INTERVAL)))
        && known.lastUsed().compareAndSet(last, now)) {
      repository.touchToken(known.token().id(), now);
    }
    return Optional.of(known.principal());
  }

  private KnownToken load(byte[] hash, long generation, Instant now) {
    Optional<ApiToken> token = repository.tokenByHash(hash);
    if (token.isEmpty()) {
      return null;
    }
    Optional<UserAccount> user = repository.user(token.get().userId());
    if (user.isEmpty()) {
      return null;
    }
    return new KnownToken(
        token.get(),
        user.get(),
        principalOf(user.get()),
        generation,
        now,
        new java.util.concurrent.atomic.AtomicReference<>(token.get().lastUsedAt()));
  }

  static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
