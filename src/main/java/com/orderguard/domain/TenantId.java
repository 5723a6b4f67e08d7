package com.orderguard.domain;

/**
 * One seller account. Taken from the caller's verified identity (JWT claim) or the queue message envelope,
 * never from an order body. At most 128 printable characters.
 */
public record TenantId(String value) {

    public static final int MAX_LENGTH = 128;

    public TenantId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid tenant id");
        }
    }

    /**
     * Whether {@code value} can be a tenant id: 1-128 characters, not blank, no control characters, and no unpaired
     * surrogate (which has no UTF-8 form: in a key it would read as '?', the same as another tenant's '?').
     */
    public static boolean isValid(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            return false;
        }
        return value.codePoints().noneMatch(Character::isISOControl) && InputRules.wellFormed(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
