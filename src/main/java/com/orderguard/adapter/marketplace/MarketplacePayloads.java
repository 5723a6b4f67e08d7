package com.orderguard.adapter.marketplace;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.adapter.marketplace.amazon.AmazonOrderMapper;
import com.orderguard.adapter.marketplace.ozon.OzonPostingMapper;
import com.orderguard.adapter.marketplace.shopee.ShopeeOrderMapper;
import com.orderguard.domain.FieldErrors;

/**
 * Maps a {@code MARKETPLACE_PAYLOAD} message's {@code payload} by its {@code source}. Each adapter is a pure
 * function of the payload and the message context: no clock, no store, no network.
 */
public final class MarketplacePayloads {

    /** The accepted {@code source} values. */
    public static final List<String> SOURCES = List.of("shopee", "amazon", "ozon");

    private MarketplacePayloads() {
    }

    /**
     * The canonical order (and request) of {@code payload}, found at path {@code at} of its message.
     *
     * @return the mapped order, or null when an error was recorded (each names the platform and the field)
     */
    public static MarketplaceOrder map(String source, JsonNode payload, String at, PayloadContext context,
            FieldErrors errors) {
        int before = errors.list().size();
        MarketplaceOrder mapped = switch (source) {
            case "shopee" -> ShopeeOrderMapper.map(payload, at, context, errors);
            case "amazon" -> AmazonOrderMapper.map(payload, at, context, errors);
            case "ozon" -> OzonPostingMapper.map(payload, at, context, errors);
            default -> throw new IllegalArgumentException("unknown source " + source);
        };
        return errors.list().size() > before ? null : mapped;
    }
}
