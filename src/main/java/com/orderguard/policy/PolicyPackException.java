package com.orderguard.policy;

import java.util.List;
import java.util.stream.Collectors;

import com.orderguard.domain.FieldError;

/** A policy pack that cannot be used: the message names the file and every invalid field. */
public class PolicyPackException extends RuntimeException {

    public PolicyPackException(String file, List<FieldError> errors) {
        super("invalid policy pack " + file + ": " + errors.stream()
                .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
    }

    public PolicyPackException(String message) {
        super(message);
    }
}
