package com.orderguard.adapter.lambda.queue;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.application.CancellationOutcome;
import com.orderguard.application.Cancellations;
import com.orderguard.application.OrderSnapshots;
import com.orderguard.application.SnapshotOutcome;
import com.orderguard.application.SnapshotSource;
import com.orderguard.domain.FieldError;
import com.orderguard.domain.Order;

/** Applies one queue message to the store. Throws {@link InvalidMessageException} for a message to reject. */
@ApplicationScoped
public class MessageHandler {

    private final OrderSnapshots snapshots;
    private final Cancellations cancellations;
    private final Clock clock;

    public MessageHandler(OrderSnapshots snapshots, Cancellations cancellations, Clock clock) {
        this.snapshots = snapshots;
        this.cancellations = cancellations;
        this.clock = clock;
    }

    /** Handles the message and says in a few words what it did, for the log (never personal data). */
    public String handle(JsonNode body) {
        QueueMessage message = QueueMessageReader.read(body, clock.instant());
        QueueMessage.Envelope envelope = message.envelope();
        if (message instanceof QueueMessage.OrderSnapshot snapshot) {
            return "event " + envelope.eventId() + " for " + snapshot.order().key() + ": "
                    + applySnapshot(envelope, snapshot.order());
        }
        if (message instanceof QueueMessage.CancellationRequested requested) {
            String applied = applySnapshot(envelope, requested.order());
            CancellationOutcome outcome = cancellations.request(envelope.tenant(), requested.order().key(),
                    requested.request(), clock.instant());
            if (outcome instanceof CancellationOutcome.NoPolicy noPolicy) {
                throw rejected("order.site", noPolicy.detail());
            }
            if (outcome instanceof CancellationOutcome.RequestIdReused) {
                throw rejected("request.requestId", "was already used for a different request");
            }
            return "event " + envelope.eventId() + " for " + requested.order().key() + ": snapshot " + applied
                    + ", request " + requested.request().requestId() + " " + summary(outcome);
        }
        throw new IllegalStateException("unhandled message type " + envelope.type());
    }

    private String applySnapshot(QueueMessage.Envelope envelope, Order order) {
        SnapshotOutcome outcome = snapshots.apply(envelope.tenant(), order,
                new SnapshotSource(envelope.eventId(), envelope.occurredAt(), "queue"), clock.instant());
        if (outcome instanceof SnapshotOutcome.EventIdReused) {
            throw rejected("eventId", "was already used for a different event");
        }
        return outcome.getClass().getSimpleName();
    }

    private static String summary(CancellationOutcome outcome) {
        if (outcome instanceof CancellationOutcome.Recorded recorded) {
            return "decided " + recorded.record().decision().outcome();
        }
        return outcome.getClass().getSimpleName();
    }

    private static InvalidMessageException rejected(String field, String reason) {
        return new InvalidMessageException("message rejected", List.of(new FieldError(field, reason)));
    }
}
