package cn.org.cast.dianzan.campaign;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The record that a campaign's submissions closed at {@code deadline}, written once by the deadline
 * job when it first finds the deadline passed. Keyed by the deadline itself: if an admin extends a
 * closed campaign, the new deadline gets a closing of its own when it passes.
 */
@Serdeable
public record Closing(String campaignId, Instant deadline, Instant recordedAt, long campaignVersion) {
}
