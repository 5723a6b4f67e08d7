package com.orderguard.domain;

import java.util.List;
import java.util.function.Function;

/**
 * The result of checking input: a valid value, or every field that is invalid. Invalid input is an ordinary
 * outcome, not an exception.
 *
 * @param <T> the type of the valid value
 */
public sealed interface Validated<T> {

    /** A valid value. */
    record Valid<T>(T value) implements Validated<T> {
    }

    /** The input had these invalid fields (never empty). */
    record Invalid<T>(List<FieldError> errors) implements Validated<T> {
        public Invalid {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an Invalid result needs at least one error");
            }
            errors = List.copyOf(errors);
        }
    }

    static <T> Validated<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Validated<T> invalid(List<FieldError> errors) {
        return new Invalid<>(errors);
    }

    static <T> Validated<T> invalid(String field, String message) {
        return new Invalid<>(List.of(new FieldError(field, message)));
    }

    /** The errors of an invalid result, or an empty list. */
    default List<FieldError> errors() {
        return this instanceof Invalid<T> invalid ? invalid.errors() : List.of();
    }

    /** The valid value, or null for an invalid result. */
    default T valueOrNull() {
        return this instanceof Valid<T> valid ? valid.value() : null;
    }

    /** Maps the valid value, keeping the errors of an invalid result. */
    default <R> Validated<R> map(Function<T, R> mapper) {
        if (this instanceof Valid<T> valid) {
            return new Valid<>(mapper.apply(valid.value()));
        }
        return new Invalid<>(errors());
    }
}
