package io.skyx.skywire.agent;

import io.skyx.node.cipher.PubKey;
import java.util.UUID;

/**
 * One reading of a transport's counters, as the visor keeps them: cumulative since the start of UTC day
 * {@code epoch}, read at {@code timestamp} (Unix seconds).
 *
 * @param transportId the ID the source gave, or null; when given it must equal {@code MakeTransportID}
 */
public record Sample(PubKey remote, String type, UUID transportId, long epoch, long sent, long recv,
                     long timestamp) {
}
