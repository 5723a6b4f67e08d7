package com.orderguard.adapter.lambda.queue;

import java.util.List;
import java.util.stream.Collectors;

import com.orderguard.domain.FieldError;

/**
 * A queue message that cannot be understood. It fails alone: the batch reports it in batchItemFailures, the
 * queue redelivers it, and after maxReceiveCount it lands in the dead-letter queue; the reason is logged.
 */
public class InvalidMessageException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidMessageException(String message, List<FieldError> errors) {
        super(message + ": " + errors.stream().map(e -> e.field() + " " + e.message())
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
