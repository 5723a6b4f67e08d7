package com.orderguard.adapter.lambda.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.orderguard.adapter.json.JsonReader;
import com.orderguard.application.Holds;
import com.orderguard.application.OrderQueries;
import com.orderguard.application.StoredOrder;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.InputRules;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.deadline.Hold;

/** {@code PUT} and {@code DELETE /v1/orders/{orderKey}/auto-cancel-hold}: the manual "do not auto-cancel". */
@ApplicationScoped
public class HoldRoutes {

    /** A hold longer than this is surely a mistake: the platform would have cancelled the order long before. */
    static final Duration MAX_HOLD = Duration.ofDays(90);
    private static final Set<String> FIELDS = Set.of("until", "note");

    private final Holds holds;
    private final OrderQueries queries;

    public HoldRoutes(Holds holds, OrderQueries queries) {
        this.holds = holds;
        this.queries = queries;
    }

    HttpResponse put(ApiRequest call) {
        FieldErrors errors = new FieldErrors();
        OrderKey key = key(call, errors);
        JsonReader body = JsonReader.of(call.body(), "", FIELDS, errors);
        Instant until = body == null ? null : InputRules.instant(body.string("until"), "until", errors);
        if (body != null) {
            InputRules.required(until, "until", errors);
        }
        if (until != null && !until.isAfter(call.receivedAt())) {
            errors.add("until", "must be in the future");
        } else if (until != null && until.isAfter(call.receivedAt().plus(MAX_HOLD))) {
            errors.add("until", "must be within " + MAX_HOLD.toDays() + " days");
        }
        String note = body == null ? null : InputRules.text(body.string("note"), 500, "note", errors);
        if (!errors.isEmpty()) {
            return Problems.invalid("the hold is invalid", errors.list());
        }
        return view(call, key, holds.hold(call.tenant(), key, new Hold(until, call.actor(), note, call.receivedAt()),
                call.receivedAt()));
    }

    HttpResponse delete(ApiRequest call) {
        FieldErrors errors = new FieldErrors();
        OrderKey key = key(call, errors);
        if (!errors.isEmpty()) {
            return Problems.invalid("the order key in the path is invalid", errors.list());
        }
        return view(call, key, holds.lift(call.tenant(), key, call.actor(), call.receivedAt()));
    }

    private HttpResponse view(ApiRequest call, OrderKey key, Optional<StoredOrder> changed) {
        if (changed.isEmpty()) {
            return Problems.notFound("no order " + key);
        }
        return queries.view(call.tenant(), key, call.receivedAt())
                .map(view -> HttpResponse.json(200, OrderViewJson.write(view).toString()))
                .orElseGet(() -> Problems.notFound("no order " + key));
    }

    private static OrderKey key(ApiRequest call, FieldErrors errors) {
        var parsed = OrderKey.parse(call.path("orderKey"), "orderKey");
        errors.addAll(parsed.errors());
        return parsed.valueOrNull();
    }
}
