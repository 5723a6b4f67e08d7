package com.orderguard.domain.decision;

/** The after-sales requests OrderGuard decides: cancellations, and changes of the delivery address. */
public enum RequestType {
    CANCELLATION, ADDRESS_CHANGE
}
