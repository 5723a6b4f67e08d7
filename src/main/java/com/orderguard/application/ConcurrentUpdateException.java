package com.orderguard.application;

/**
 * Other writers kept changing the order while we tried to write it. Not a business outcome: the HTTP API answers
 * 409 and the queue retries the message.
 */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
