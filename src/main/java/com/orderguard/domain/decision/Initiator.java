package com.orderguard.domain.decision;

/** Who wants the order cancelled. */
public enum Initiator {
    BUYER, SELLER, PLATFORM
}
