package com.orderguard.adapter.lambda.queue;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.adapter.marketplace.MarketplaceOrder;
import com.orderguard.adapter.telemetry.LogFields;
import com.orderguard.application.MessageRequests;
import com.orderguard.application.RequestOutcome;
import com.orderguard.application.OrderSnapshots;
import com.orderguard.application.SnapshotOutcome;
import com.orderguard.application.SnapshotSource;
import com.orderguard.domain.FieldError;
import com.orderguard.domain.Order;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.RequestType;

/**
 * Applies one queue message to the store: a snapshot alone, or a snapshot with a request on it in one transaction
 * ({@link MessageRequests}). Throws {@link InvalidMessageException} for a message to reject.
 */
@ApplicationScoped
public class MessageHandler {

    private final OrderSnapshots snapshots;
    private final MessageRequests requests;
    private final PolicyCatalog catalog;
    private final Clock clock;

    public MessageHandler(OrderSnapshots snapshots, MessageRequests requests, PolicyCatalog catalog, Clock clock) {
        this.snapshots = snapshots;
        this.requests = requests;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Handles the message and says in a few words what it did, for the log (never personal data). */
    public String handle(JsonNode body) {
        QueueMessage message = QueueMessageReader.read(body, clock.instant());
        QueueMessage.Envelope envelope = message.envelope();
        LogFields.put(LogFields.TENANT, envelope.tenant().value());
        LogFields.put(LogFields.ORDER_KEY, message.order().key().toString());
        refuseUnknownSite(message);
        String prefix = "event " + envelope.eventId() + " for " + message.order().key() + ": ";
        if (message instanceof QueueMessage.OrderSnapshot snapshot) {
            return prefix + applySnapshot(envelope, snapshot.order());
        }
        if (message instanceof QueueMessage.CancellationRequested requested) {
            return prefix + applyRequest(envelope, requested.order(), requested.request(), RequestType.CANCELLATION,
                    null, false);
        }
        if (message instanceof QueueMessage.AddressChangeRequested requested) {
            return prefix + applyRequest(envelope, requested.order(), requested.request(),
                    RequestType.ADDRESS_CHANGE, null, false);
        }
        if (message instanceof QueueMessage.MarketplacePayload payload) {
            return "event " + envelope.eventId() + " from " + payload.source() + " for "
                    + payload.mapped().order().key() + ": " + applyPayload(envelope, payload.mapped());
        }
        throw new IllegalStateException("unhandled message type " + envelope.type());
    }

    /**
     * A site no pack of its marketplace covers can never be applied with the packs deployed: the message is rejected
     * before anything is written, like an invalid one (it fails alone, is retried and lands in the dead-letter
     * queue, from where it can be redriven once a pack covers the site), rather than dropped, which would lose a
     * real order.
     */
    private void refuseUnknownSite(QueueMessage message) {
        Order order = message.order();
        catalog.unknownSite(order.marketplace(), order.site()).ifPresent(unknown -> {
            throw rejected(message instanceof QueueMessage.MarketplacePayload ? "payload" : "order.site",
                    unknown.detail());
        });
    }

    /**
     * A payload without a request is applied like ORDER_SNAPSHOT, one with a request like CANCELLATION_REQUESTED.
     * When the platform has already carried the cancellation out, its final state is applied after the request,
     * under an event id derived from the message's; if the stored order is cancelled already (this event was
     * applied before, or an earlier poll saw the same cancellation), only that final state is applied, so the
     * stored order never flips back to the stage before the cancellation.
     */
    private String applyPayload(QueueMessage.Envelope envelope, MarketplaceOrder mapped) {
        if (mapped.request() == null) {
            return "snapshot " + applySnapshot(envelope, mapped.order());
        }
        if (!mapped.settled()) {
            return applyRequest(envelope, mapped.order(), mapped.request(), RequestType.CANCELLATION, null, true);
        }
        return applyRequest(envelope, mapped.requestedOn(), mapped.request(), RequestType.CANCELLATION,
                mapped.order(), true);
    }

    /**
     * Applies the order as it stood and decides and records the request on it, in one transaction; then the order
     * as it settled, when given. A request mapped from a marketplace payload has no fields of its own in the
     * message, so its errors name the payload.
     */
    private String applyRequest(QueueMessage.Envelope envelope, Order order, OrderRequest request, RequestType type,
            Order settled, boolean fromPayload) {
        MessageRequests.Handled handled = requests.handle(new MessageRequests.RequestMessage(envelope.tenant(),
                order, source(envelope), request, type, settled), clock.instant());
        handled.snapshots().forEach(MessageHandler::refuseReusedEvent);
        RequestOutcome outcome = accepted(handled.request(), request, fromPayload);
        List<String> snapshots = handled.snapshots().stream().map(s -> s.getClass().getSimpleName()).toList();
        String decided = outcome == null ? "cancellation already recorded"
                : "snapshot " + snapshots.get(0) + ", " + (type == RequestType.CANCELLATION ? "request "
                : "address change ") + request.requestId() + " " + summary(outcome);
        return settled == null ? decided : decided + ", then snapshot " + snapshots.get(snapshots.size() - 1);
    }

    /**
     * The outcome of recording a request, or the reason the message is rejected: no pack covers the order, or the
     * request id was used for something else. A request mapped from a marketplace payload has no fields of its own
     * in the message, so its errors name the payload.
     */
    private static RequestOutcome accepted(RequestOutcome outcome, OrderRequest request, boolean fromPayload) {
        if (outcome instanceof RequestOutcome.NoPolicy noPolicy) {
            throw rejected(fromPayload ? "payload" : "order.site", noPolicy.detail());
        }
        if (outcome instanceof RequestOutcome.RequestIdReused) {
            throw fromPayload ? rejected("payload", "request " + request.requestId()
                    + " was recorded before with different content")
                    : rejected("request.requestId", "was already used for a different request");
        }
        return outcome;
    }

    private String applySnapshot(QueueMessage.Envelope envelope, Order order) {
        SnapshotOutcome outcome = snapshots.apply(envelope.tenant(), order, source(envelope), clock.instant());
        refuseReusedEvent(outcome);
        return outcome.getClass().getSimpleName();
    }

    private static SnapshotSource source(QueueMessage.Envelope envelope) {
        return new SnapshotSource(envelope.eventId(), envelope.occurredAt(), "queue");
    }

    private static void refuseReusedEvent(SnapshotOutcome outcome) {
        if (outcome instanceof SnapshotOutcome.EventIdReused) {
            throw rejected("eventId", "was already used for a different event");
        }
    }

    private static String summary(RequestOutcome outcome) {
        if (outcome instanceof RequestOutcome.Recorded recorded) {
            return "decided " + recorded.record().decision().outcome();
        }
        return outcome.getClass().getSimpleName();
    }

    private static InvalidMessageException rejected(String field, String reason) {
        return new InvalidMessageException("message rejected", List.of(new FieldError(field, reason)));
    }
}
