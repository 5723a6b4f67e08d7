package com.orderguard.adapter.marketplace;

import java.time.Instant;

/**
 * What the queue message around a payload adds to it.
 *
 * @param shopId the envelope's optional {@code shopId}: none of the three payloads names the seller's shop
 * @param site the envelope's optional {@code site}: an Ozon posting does not name the seller's site (RU when
 *        absent, e.g. KZ for an ozon.kz seller); Shopee and Amazon payloads name theirs, which must agree with it
 * @param occurredAt when the event happened; the request time when the payload gives none
 * @param now the receiving clock, to refuse request times in the future
 */
public record PayloadContext(String shopId, String site, Instant occurredAt, Instant now) {

    /** A context whose message names no site. */
    public PayloadContext(String shopId, Instant occurredAt, Instant now) {
        this(shopId, null, occurredAt, now);
    }
}
