package org.palermo.app.platform;

/**
 * Why a module's rule refused a step: each module declares its reasons as one enum implementing
 * this interface (for example {@code cases.protection.ProtectionRefusal}), never as loose strings.
 * The {@link #code() code} is the problem document's {@code reason} member (RFC 9457, see {@link
 * ApiProblems}); the {@link #messageKey() message key} names the one translated text of the reason
 * (every constant has it in the four bundles, pinned by {@code RefusalReasonBundlesTest}); a
 * controller that must react to one reason compares the enum ({@link PalermoException#is}), never
 * the text.
 */
public interface RefusalReason {
  /** The enum constant's name (enums implement it). */
  String name();

  /** The stable code of the reason: the problem's {@code reason}. */
  default String code() {
    return name();
  }

  /**
   * The key of the reason's translated text in the message bundles: {@code refusal.<code>} unless
   * the module's enum names its own bundle prefix (as {@code screening.problem.<code>}).
   */
  default String messageKey() {
    return "refusal." + code();
  }
}
