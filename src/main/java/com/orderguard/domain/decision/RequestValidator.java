package com.orderguard.domain.decision;

import static com.orderguard.domain.FieldErrors.path;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.InputRules;

/** Turns a {@link RequestDraft} into a {@link OrderRequest}, reporting every invalid field. */
public final class RequestValidator {

    /** Client-chosen request ids: letters, digits, '-' and '_', 1 to 64 characters. */
    public static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** How far ahead of the receiving clock a request time may be (clock skew). */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private RequestValidator() {
    }

    /**
     * Validates into {@code errors}; a missing request id is filled with {@code generatedId}, a missing request
     * time with {@code now}, a missing channel with {@link Channel#PLATFORM_REQUEST}.
     *
     * @return the request, or null when an error was recorded
     */
    public static OrderRequest validate(RequestDraft draft, String at, String generatedId, Instant now,
            FieldErrors errors) {
        int before = errors.list().size();
        String requestId = InputRules.matching(draft.requestId(), REQUEST_ID, "1-64 letters, digits, '-' or '_'",
                path(at, "requestId"), errors);
        Initiator initiator = InputRules.enumValue(Initiator.class, draft.initiator(), path(at, "initiator"), errors);
        InputRules.required(initiator, path(at, "initiator"), errors);
        CancelReason reason = InputRules.enumValue(CancelReason.class, draft.reason(), path(at, "reason"), errors);
        InputRules.required(reason, path(at, "reason"), errors);
        Channel via = draft.via() == null ? Channel.PLATFORM_REQUEST
                : InputRules.enumValue(Channel.class, draft.via(), path(at, "via"), errors);
        Instant requestedAt = InputRules.instant(draft.requestedAt(), path(at, "requestedAt"), errors);
        if (requestedAt != null && requestedAt.isAfter(now.plus(MAX_SKEW))) {
            errors.add(path(at, "requestedAt"), "must not be in the future");
        }
        String note = InputRules.text(draft.note(), 1000, path(at, "note"), errors);
        if (errors.list().size() > before) {
            return null;
        }
        return new OrderRequest(requestId == null ? generatedId : requestId, initiator, reason, via,
                requestedAt == null ? now : requestedAt, note);
    }
}
