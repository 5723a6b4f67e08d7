package com.orderguard.adapter.lambda.queue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.adapter.json.DecisionJson;
import com.orderguard.adapter.json.JsonReader;
import com.orderguard.adapter.json.OrderJson;
import com.orderguard.adapter.marketplace.MarketplaceOrder;
import com.orderguard.adapter.marketplace.MarketplacePayloads;
import com.orderguard.adapter.marketplace.PayloadContext;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.InputRules;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderDraft;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.OrderValidator;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.RequestDraft;
import com.orderguard.domain.decision.RequestValidator;

/** Reads and validates one queue message body; every problem is reported with its field. */
public final class QueueMessageReader {

    /** The message types of API.md. */
    public static final List<String> TYPES = List.of("ORDER_SNAPSHOT", "CANCELLATION_REQUESTED",
            "MARKETPLACE_PAYLOAD", "ADDRESS_CHANGE_REQUESTED");

    private static final Set<String> FIELDS = Set.of("eventId", "tenantId", "type", "occurredAt", "order",
            "request", "source", "payload", "shopId", "site");

    private QueueMessageReader() {
    }

    /**
     * The message, or an {@link InvalidMessageException} naming every invalid field.
     *
     * @param now the receiving clock, to refuse request times in the future
     */
    public static QueueMessage read(JsonNode body, Instant now) {
        FieldErrors errors = new FieldErrors();
        JsonReader json = JsonReader.of(body, "", FIELDS, errors);
        if (json == null) {
            throw new InvalidMessageException("message rejected", errors.list());
        }
        String eventId = InputRules.text(json.string("eventId"), 256, "eventId", errors);
        InputRules.required(eventId, "eventId", errors);
        String tenant = json.string("tenantId");
        if (tenant != null && !TenantId.isValid(tenant)) {
            errors.add("tenantId", "must be 1-" + TenantId.MAX_LENGTH + " characters without control characters");
        }
        InputRules.required(tenant, "tenantId", errors);
        String type = json.string("type");
        if (type != null && !TYPES.contains(type)) {
            errors.add("type", "must be one of " + String.join(", ", TYPES));
        }
        InputRules.required(type, "type", errors);
        Instant occurredAt = InputRules.instant(json.string("occurredAt"), "occurredAt", errors);
        InputRules.required(occurredAt, "occurredAt", errors);
        QueueMessage message = typed(json, new Head(eventId, tenant, type, occurredAt), now, errors);
        if (message != null && errors.isEmpty()) {
            return message;
        }
        throw new InvalidMessageException("message rejected", errors.list());
    }

    /** The envelope's fields, read before the type's own fields. */
    private record Head(String eventId, String tenant, String type, Instant occurredAt) {
        QueueMessage.Envelope envelope() {
            return new QueueMessage.Envelope(eventId, new TenantId(tenant), type, occurredAt);
        }
    }

    /** The message of the envelope's type, or null when its fields (or the envelope's) are invalid. */
    private static QueueMessage typed(JsonReader json, Head head, Instant now, FieldErrors errors) {
        if ("MARKETPLACE_PAYLOAD".equals(head.type())) {
            String source = json.string("source");
            MarketplaceOrder mapped = marketplacePayload(json, source, head.occurredAt(), now, errors);
            return errors.isEmpty() ? new QueueMessage.MarketplacePayload(head.envelope(), source, mapped) : null;
        }
        if (head.type() == null || !TYPES.contains(head.type())) {
            return null;
        }
        Order order = order(json, errors);
        if ("ORDER_SNAPSHOT".equals(head.type())) {
            return errors.isEmpty() ? new QueueMessage.OrderSnapshot(head.envelope(), order) : null;
        }
        OrderRequest request = request(json, head.eventId(), head.occurredAt(), now, errors);
        if (!errors.isEmpty()) {
            return null;
        }
        if ("CANCELLATION_REQUESTED".equals(head.type())) {
            return new QueueMessage.CancellationRequested(head.envelope(), order, request);
        }
        return new QueueMessage.AddressChangeRequested(head.envelope(), order, new OrderRequest(request.requestId(),
                request.initiator(), CancelReason.WRONG_ADDRESS, request.via(), request.requestedAt(), request.note()));
    }

    private static Order order(JsonReader json, FieldErrors errors) {
        JsonNode node = json.node("order");
        if (node == null) {
            errors.add("order", "is required");
            return null;
        }
        OrderDraft draft = OrderJson.read(node, "order", errors);
        return draft == null ? null : OrderValidator.validate(draft, "order", null, errors);
    }

    /**
     * The request of a CANCELLATION_REQUESTED message. Without its own id it takes one derived from the event id,
     * so a redelivered message records the same request; without a time it was made when the event occurred.
     */
    private static OrderRequest request(JsonReader json, String eventId, Instant occurredAt, Instant now,
            FieldErrors errors) {
        JsonNode node = json.node("request");
        if (node == null) {
            errors.add("request", "is required");
            return null;
        }
        RequestDraft draft = DecisionJson.readRequest(node, "request", errors);
        if (draft == null || eventId == null || occurredAt == null) {
            return null;
        }
        if (draft.reason() == null && "ADDRESS_CHANGE_REQUESTED".equals(json.string("type"))) {
            draft = new RequestDraft(draft.requestId(), draft.initiator(), CancelReason.WRONG_ADDRESS.name(),
                    draft.via(), draft.requestedAt(), draft.note());
        }
        if (draft.requestedAt() == null) {
            draft = new RequestDraft(draft.requestId(), draft.initiator(), draft.reason(), draft.via(),
                    occurredAt.toString(), draft.note());
        }
        String derivedId = RequestValidator.REQUEST_ID.matcher(eventId).matches() ? eventId
                : "evt-" + UUID.nameUUIDFromBytes(eventId.getBytes(StandardCharsets.UTF_8));
        return RequestValidator.validate(draft, "request", derivedId, now, errors);
    }

    /**
     * The payload of a MARKETPLACE_PAYLOAD message, mapped by its source's adapter. The optional {@code shopId}
     * (additive to the contract) names the seller's shop, which none of the platforms' payloads carries; the
     * optional {@code site} (additive) names the seller's site, which an Ozon posting does not carry.
     */
    private static MarketplaceOrder marketplacePayload(JsonReader json, String source, Instant occurredAt,
            Instant now, FieldErrors errors) {
        if (source != null && !MarketplacePayloads.SOURCES.contains(source)) {
            errors.add("source", "must be one of " + String.join(", ", MarketplacePayloads.SOURCES));
        }
        InputRules.required(source, "source", errors);
        JsonNode payload = json.node("payload");
        if (payload == null) {
            errors.add("payload", "is required");
        }
        String shopId = InputRules.matching(json.string("shopId"), OrderValidator.SHOP_ID,
                "1-64 letters, digits, '.', '-' or '_'", "shopId", errors);
        String site = InputRules.matching(json.string("site"), OrderKey.SITE, "two upper-case letters, e.g. KZ", "site",
                errors);
        if (errors.has("source") || payload == null || occurredAt == null) {
            return null;
        }
        return MarketplacePayloads.map(source, payload, "payload", new PayloadContext(shopId, site, occurredAt, now),
                errors);
    }

}
