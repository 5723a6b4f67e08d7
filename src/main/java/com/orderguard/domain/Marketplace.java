package com.orderguard.domain;

import java.util.Locale;
import java.util.Optional;

/** The marketplaces OrderGuard knows; {@link #code()} is the lower-case name used in order keys and JSON. */
public enum Marketplace {
    SHOPEE, AMAZON, OZON, LAZADA, TIKTOK;

    /** The lower-case code, e.g. {@code shopee}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The marketplace with this exact lower-case code, if any. */
    public static Optional<Marketplace> fromCode(String code) {
        for (Marketplace m : values()) {
            if (m.code().equals(code)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
