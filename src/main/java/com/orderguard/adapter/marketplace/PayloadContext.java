package com.orderguard.adapter.marketplace;

import java.time.Instant;

/**
 * What the queue message around a payload adds to it.
 *
 * @param shopId the envelope's optional {@code shopId}: none of the three payloads names the seller's shop
 * @param occurredAt when the event happened; the request time when the payload gives none
 * @param now the receiving clock, to refuse request times in the future
 */
public record PayloadContext(String shopId, Instant occurredAt, Instant now) {
}
