package com.orderguard.domain.decision;

/**
 * How the request reached the seller ({@code via} in the contract): the marketplace's own cancel-request flow, or
 * a buyer's message (on Amazon a cancel made because of a message counts against the seller).
 */
public enum Channel {
    PLATFORM_REQUEST, MESSAGE
}
