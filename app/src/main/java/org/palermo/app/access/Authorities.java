package org.palermo.app.access;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The authorities a session or token carries. */
final class Authorities {
  /** Held once every required factor has been presented. */
  static final String FULLY_AUTHENTICATED = "FULLY_AUTHENTICATED";

  /** Held between a correct password and the second factor. */
  static final String MFA_PENDING = "MFA_PENDING";

  private Authorities() {}

  static Authentication full(PalermoPrincipal principal) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority(FULLY_AUTHENTICATED));
    principal.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
    return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
  }
}
