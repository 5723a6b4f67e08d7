package com.orderguard.adapter.lambda.http;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.orderguard.application.Inbox;
import com.orderguard.application.ShopFilter;
import com.orderguard.application.port.InboxStore.AttentionQuery;
import com.orderguard.application.port.InboxStore.OrderPage;
import com.orderguard.application.port.InboxStore.OrderQuery;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.InputRules;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.attention.AttentionKind;

/** {@code GET /v1/attention}, {@code GET /v1/shops} and {@code GET /v1/orders}: one place for every shop. */
@ApplicationScoped
public class InboxRoutes {

    static final Duration MAX_WITHIN = Duration.ofDays(90);

    private static final Set<String> ATTENTION_PARAMETERS = Set.of("within", "limit", ListParams.CURSOR,
            "marketplace", "site", "shopId", "kind");
    private static final Set<String> ORDER_PARAMETERS = Set.of("limit", ListParams.CURSOR, "marketplace", "site",
            "shopId", "status");

    private final Inbox inbox;
    private final Cursors cursors;

    public InboxRoutes(Inbox inbox, Cursors cursors) {
        this.inbox = inbox;
        this.cursors = cursors;
    }

    HttpResponse attention(ApiRequest call) {
        FieldErrors errors = new FieldErrors();
        ListParams params = new ListParams(call, ATTENTION_PARAMETERS, errors);
        ShopFilter shops = params.shops();
        int limit = params.limit();
        Duration within = within(call.query("within"), errors);
        Set<AttentionKind> kinds = kinds(call.query("kind"), errors);
        List<String> after = errors.isEmpty() ? params.after(cursors).orElse(null) : null;
        if (!errors.isEmpty()) {
            return Problems.invalid("the query parameters are invalid", errors.list());
        }
        Inbox.Attention page = inbox.attention(call.tenant(),
                new AttentionQuery(kinds, shops, call.receivedAt(), within, limit, after));
        String next = page.next() == null ? null
                : cursors.sign(call.tenant(), params.query(), page.next(), call.receivedAt());
        return HttpResponse.json(200, InboxJson.attention(page, next).toString());
    }

    HttpResponse shops(ApiRequest call) {
        FieldErrors errors = new FieldErrors();
        new ListParams(call, Set.of(), errors);
        if (!errors.isEmpty()) {
            return Problems.invalid("the query parameters are invalid", errors.list());
        }
        return HttpResponse.json(200, InboxJson.shops(inbox.shops(call.tenant(), call.receivedAt())).toString());
    }

    HttpResponse orders(ApiRequest call) {
        FieldErrors errors = new FieldErrors();
        ListParams params = new ListParams(call, ORDER_PARAMETERS, errors);
        ShopFilter shops = params.shops();
        int limit = params.limit();
        OrderStatus status = call.query("status") == null ? null
                : InputRules.enumValue(OrderStatus.class, call.query("status"), "status", errors);
        List<String> after = errors.isEmpty() ? params.after(cursors).orElse(null) : null;
        if (!errors.isEmpty()) {
            return Problems.invalid("the query parameters are invalid", errors.list());
        }
        OrderPage page = inbox.orders(call.tenant(), new OrderQuery(shops, status, limit, after));
        String next = page.next() == null ? null
                : cursors.sign(call.tenant(), params.query(), page.next(), call.receivedAt());
        return HttpResponse.json(200, InboxJson.orders(page, next).toString());
    }

    /** {@code within}: an ISO-8601 duration from PT0S to P90D, PT48H when absent. */
    static Duration within(String text, FieldErrors errors) {
        if (text == null) {
            return Inbox.DEFAULT_WITHIN;
        }
        try {
            Duration within = text.length() <= 32 ? Duration.parse(text) : null;
            if (within != null && !within.isNegative() && within.compareTo(MAX_WITHIN) <= 0) {
                return within;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add("within", "must be an ISO-8601 duration from PT0S to P90D, e.g. PT48H");
        return Inbox.DEFAULT_WITHIN;
    }

    /** {@code kind}: one kind or several, comma-separated; every kind when absent. */
    static Set<AttentionKind> kinds(String text, FieldErrors errors) {
        if (text == null) {
            return EnumSet.allOf(AttentionKind.class);
        }
        Set<AttentionKind> kinds = EnumSet.noneOf(AttentionKind.class);
        for (String part : text.split(",", -1)) {
            AttentionKind kind = InputRules.enumValue(AttentionKind.class, part, "kind", errors);
            if (kind == null) {
                return EnumSet.allOf(AttentionKind.class);
            }
            kinds.add(kind);
        }
        return kinds;
    }
}
