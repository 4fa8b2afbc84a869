package org.palermo.app.access;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A session that has presented a correct password but not yet its second factor. It may reach only
 * the second-factor pages.
 */
final class MfaPendingAuthentication extends AbstractAuthenticationToken {
  private final PalermoPrincipal principal;
  private final boolean enrolmentRequired;

  MfaPendingAuthentication(PalermoPrincipal principal, boolean enrolmentRequired) {
    super(List.of(new SimpleGrantedAuthority(Authorities.MFA_PENDING)));
    this.principal = principal;
    this.enrolmentRequired = enrolmentRequired;
    setAuthenticated(true);
  }

  boolean enrolmentRequired() {
    return enrolmentRequired;
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public PalermoPrincipal getPrincipal() {
    return principal;
  }
}
