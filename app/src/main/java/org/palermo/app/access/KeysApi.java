package org.palermo.app.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.crypto.InvalidMasterKeyException;
import org.palermo.app.platform.crypto.KeyRing;
import org.palermo.app.platform.crypto.KeyRotation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/keys/rotate}: master-key rotation on a running server, without downtime
 * (the command {@code palermo keys rotate} needs the data directory, so the server stopped); with
 * {@code PALERMO_MASTER_KEY} it re-wraps every data key still under a key of {@code
 * PALERMO_MASTER_KEY_PREVIOUS}. {@code GET /api/v1/admin/keys} counts the data keys per master key.
 * Administrators only; audited (key ids and counts only, never key material).
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

  record KeyCountResponse(String masterKeyId, long dataKeys, boolean current, boolean loaded) {}

  record StatusResponse(
      String currentKeyId,
      String source,
      List<String> previousKeyIds,
      List<KeyCountResponse> keys) {}

  @GetMapping("/api/v1/admin/keys")
  @Operation(summary = "The master keys and how many data keys each wraps (administrators)")
  StatusResponse status() {
    PalermoPrincipal me = admin("keys.status");
    List<KeyCountResponse> keys =
        rotation.status().stream()
            .map(k -> new KeyCountResponse(k.masterKeyId(), k.dataKeys(), k.current(), k.loaded()))
            .toList();
    audit.record(
        new AuditEntry(
            me.username(), me.agencyName(), "keys.status", "instance", Outcome.SUCCESS, ""));
    return new StatusResponse(
        ring.current().id(),
        ring.fromEnvironment() ? "environment" : "file",
        ring.previousIds(),
        keys);
  }

  private PalermoPrincipal admin(String action) {
    PalermoPrincipal me = CurrentUser.get();
    if (!me.hasRole(Role.ADMIN)) {
      audit.record(
          new AuditEntry(me.username(), me.agencyName(), action, "instance", Outcome.DENIED, ""));
      throw new PalermoException(ErrorCode.FORBIDDEN, "Administrators only.");
    }
    return me;
  }

  @PostMapping("/api/v1/admin/keys/rotate")
  @Operation(summary = "Rotate the master key and re-wrap every data key (administrators)")
  RotationResponse rotate() {
    PalermoPrincipal me = admin("keys.rotate");
    KeyRotation.Result r;
    try {
      r = rotation.rotate();
    } catch (InvalidMasterKeyException e) {
      audit.record(
          new AuditEntry(
              me.username(),
              me.agencyName(),
              "keys.rotate",
              "instance",
              Outcome.FAILURE,
              "missing master key"));
      throw new PalermoException(ErrorCode.CONFLICT, e.getMessage());
    }
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
