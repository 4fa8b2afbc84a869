package org.palermo.app.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.crypto.KeyRing;
import org.palermo.app.platform.crypto.KeyRotation;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/keys/rotate}: master-key rotation on a running server, without downtime
 * (the command {@code palermo keys rotate} needs the data directory, so the server stopped).
 * Administrators only; audited.
 */
@RestController
@Tag(name = "Data protection")
@SecurityRequirement(name = "token")
class KeysApi {
  private final KeyRotation rotation;
  private final KeyRing ring;
  private final AuditLog audit;

  KeysApi(KeyRotation rotation, KeyRing ring, AuditLog audit) {
    this.rotation = rotation;
    this.ring = ring;
    this.audit = audit;
  }

  record RotationResponse(String fromKeyId, String toKeyId, int rewrapped) {}

  @PostMapping("/api/v1/admin/keys/rotate")
  @Operation(summary = "Rotate the master key and re-wrap every data key (administrators)")
  RotationResponse rotate() {
    PalermoPrincipal me = CurrentUser.get();
    if (!me.hasRole(Role.ADMIN)) {
      audit.record(
          new AuditEntry(
              me.username(), me.agencyName(), "keys.rotate", "instance", Outcome.DENIED, ""));
      throw new PalermoException(ErrorCode.FORBIDDEN, "Administrators only.");
    }
    if (ring.fromEnvironment()) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          "The master key comes from PALERMO_MASTER_KEY; rotate it as docs/security.md says.");
    }
    KeyRotation.Result r = rotation.rotate();
    audit.record(
        new AuditEntry(
            me.username(),
            me.agencyName(),
            "keys.rotate",
            "instance",
            Outcome.SUCCESS,
            "from=" + r.fromKeyId() + " to=" + r.toKeyId() + " rewrapped=" + r.rewrapped()));
    return new RotationResponse(r.fromKeyId(), r.toKeyId(), r.rewrapped());
  }
}
