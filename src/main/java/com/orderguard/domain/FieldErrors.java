package com.orderguard.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects the invalid fields of one input so that all of them are reported together, not just the first. */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    /** Records that {@code field} is invalid for {@code reason}. */
    public void add(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    /** Records every error of another check. */
    public void addAll(List<FieldError> more) {
        errors.addAll(more);
    }

    /** Whether an error is already recorded for {@code field}. */
    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** The value built by {@code build} when no error was recorded, otherwise every recorded error. */
    public <T> Validated<T> result(Supplier<T> build) {
        return errors.isEmpty() ? Validated.valid(build.get()) : Validated.invalid(errors);
    }

    /** Joins a parent path and a child name: {@code path("order", "items")} is {@code order.items}. */
    public static String path(String parent, String child) {
        return parent == null || parent.isEmpty() ? child : parent + "." + child;
    }
}
