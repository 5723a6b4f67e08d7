package com.orderguard.domain;

/** One invalid input field: its JSON path (e.g. {@code items[0].quantity}) and why it is invalid. */
public record FieldError(String field, String message) {
}
