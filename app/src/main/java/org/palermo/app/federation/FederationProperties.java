package org.palermo.app.federation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the federation channel, bound from {@code palermo.federation.*} (docs/federation.md,
 * "Settings").
 *
 * @param maxMessageSize the largest message accepted (default 256KB); larger ones are refused
 *     before decryption ({@code OVERSIZED_PAYLOAD})
 * @param replayWindow how old a message may be when it arrives (default 7 days): ids are remembered
 *     at least this long
 * @param clockSkew how far ahead of this instance's clock a sender's may be (default 5 minutes)
 * @param keyGrace how long a replaced key stays valid after a rotation, on both sides (default 14
 *     days)
 * @param cardValidity how long this instance's card is valid (default 365 days)
 * @param inboxPerMinute messages each client address may post to the inbox a minute (default 120)
 */
@ConfigurationProperties("palermo.federation")
public record FederationProperties(
    DataSize maxMessageSize,
    Duration replayWindow,
    Duration clockSkew,
    Duration keyGrace,
    Duration cardValidity,
    Integer inboxPerMinute) {
  public FederationProperties {
    maxMessageSize = maxMessageSize == null ? DataSize.ofKilobytes(256) : maxMessageSize;
    replayWindow = replayWindow == null ? Duration.ofDays(7) : replayWindow;
    clockSkew = clockSkew == null ? Duration.ofMinutes(5) : clockSkew;
    keyGrace = keyGrace == null ? Duration.ofDays(14) : keyGrace;
    cardValidity = cardValidity == null ? Duration.ofDays(365) : cardValidity;
    inboxPerMinute = inboxPerMinute == null || inboxPerMinute < 1 ? 120 : inboxPerMinute;
  }
}
