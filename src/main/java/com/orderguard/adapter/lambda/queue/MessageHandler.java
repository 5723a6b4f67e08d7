package com.orderguard.adapter.lambda.queue;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.adapter.marketplace.MarketplaceOrder;
import com.orderguard.application.AddressChanges;
import com.orderguard.adapter.telemetry.LogFields;
import com.orderguard.application.RequestOutcome;
import com.orderguard.application.Cancellations;
import com.orderguard.application.OrderQueries;
import com.orderguard.application.OrderSnapshots;
import com.orderguard.application.SnapshotOutcome;
import com.orderguard.application.SnapshotSource;
import com.orderguard.domain.FieldError;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.PolicyCatalog;

/** Applies one queue message to the store. Throws {@link InvalidMessageException} for a message to reject. */
@ApplicationScoped
public class MessageHandler {

    private final OrderSnapshots snapshots;
    private final Cancellations cancellations;
    private final AddressChanges addresses;
    private final OrderQueries queries;
    private final PolicyCatalog catalog;
    private final Clock clock;

    public MessageHandler(OrderSnapshots snapshots, Cancellations cancellations, AddressChanges addresses,
            OrderQueries queries, PolicyCatalog catalog, Clock clock) {
        this.snapshots = snapshots;
        this.cancellations = cancellations;
        this.addresses = addresses;
        this.queries = queries;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Handles the message and says in a few words what it did, for the log (never personal data). */
    public String handle(JsonNode body) {
        QueueMessage message = QueueMessageReader.read(body, clock.instant());
        QueueMessage.Envelope envelope = message.envelope();
        LogFields.put(LogFields.TENANT, envelope.tenant().value());
        refuseUnknownSite(message);
        if (message instanceof QueueMessage.OrderSnapshot snapshot) {
            LogFields.put(LogFields.ORDER_KEY, snapshot.order().key().toString());
            return "event " + envelope.eventId() + " for " + snapshot.order().key() + ": "
                    + applySnapshot(envelope, snapshot.order());
        }
        if (message instanceof QueueMessage.CancellationRequested requested) {
            LogFields.put(LogFields.ORDER_KEY, requested.order().key().toString());
            return "event " + envelope.eventId() + " for " + requested.order().key() + ": "
                    + applyRequest(envelope, requested.order(), requested.request(), false);
        }
        if (message instanceof QueueMessage.AddressChangeRequested requested) {
            String applied = applySnapshot(envelope, requested.order());
            RequestOutcome outcome = accepted(addresses.request(envelope.tenant(), requested.order().key(),
                    requested.request(), clock.instant()), requested.request(), false);
            return "event " + envelope.eventId() + " for " + requested.order().key() + ": snapshot " + applied
                    + ", address change " + requested.request().requestId() + " " + summary(outcome);
        }
        if (message instanceof QueueMessage.MarketplacePayload payload) {
            LogFields.put(LogFields.ORDER_KEY, payload.mapped().order().key().toString());
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
            return applyRequest(envelope, mapped.order(), mapped.request(), true);
        }
        QueueMessage.Envelope settled = new QueueMessage.Envelope(envelope.eventId() + "#settled",
                envelope.tenant(), envelope.type(), envelope.occurredAt());
        boolean cancelledAlready = queries.view(envelope.tenant(), mapped.order().key())
                .map(stored -> stored.stored().order().status() == OrderStatus.CANCELLED).orElse(false);
        String requested = cancelledAlready ? "cancellation already recorded"
                : applyRequest(envelope, mapped.requestedOn(), mapped.request(), true);
        return requested + ", then snapshot " + applySnapshot(settled, mapped.order());
    }

    /**
     * Applies the order as it stood, then decides and records the request on it. A request mapped from a
     * marketplace payload has no fields of its own in the message, so its errors name the payload.
     */
    private String applyRequest(QueueMessage.Envelope envelope, Order order, OrderRequest request,
            boolean fromPayload) {
        String applied = applySnapshot(envelope, order);
        RequestOutcome outcome = accepted(cancellations.request(envelope.tenant(), order.key(), request, order,
                clock.instant()), request, fromPayload);
        return "snapshot " + applied + ", request " + request.requestId() + " " + summary(outcome);
    }

    /**
     * The outcome of recording a request, or the reason the message is rejected: no pack covers the order, or the
     * request id was used for something else. A request mapped from a marketplace payload has no fields of its own
     * in the message, so its errors name the payload.
     */
    private static RequestOutcome accepted(RequestOutcome outcome, OrderRequest request,
            boolean fromPayload) {
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
        SnapshotOutcome outcome = snapshots.apply(envelope.tenant(), order,
                new SnapshotSource(envelope.eventId(), envelope.occurredAt(), "queue"), clock.instant());
        if (outcome instanceof SnapshotOutcome.EventIdReused) {
            throw rejected("eventId", "was already used for a different event");
        }
        return outcome.getClass().getSimpleName();
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
