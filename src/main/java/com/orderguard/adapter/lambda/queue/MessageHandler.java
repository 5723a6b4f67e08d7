package com.orderguard.adapter.lambda.queue;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.application.OrderSnapshots;
import com.orderguard.application.SnapshotOutcome;
import com.orderguard.application.SnapshotSource;
import com.orderguard.domain.FieldError;

/** Applies one queue message to the store. Throws {@link InvalidMessageException} for a message to reject. */
@ApplicationScoped
public class MessageHandler {

    private final OrderSnapshots snapshots;
    private final Clock clock;

    public MessageHandler(OrderSnapshots snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** Handles the message and says in a few words what it did, for the log. */
    public String handle(JsonNode body) {
        QueueMessage message = QueueMessageReader.read(body);
        QueueMessage.Envelope envelope = message.envelope();
        if (message instanceof QueueMessage.OrderSnapshot snapshot) {
            SnapshotOutcome outcome = snapshots.apply(envelope.tenant(), snapshot.order(),
                    new SnapshotSource(envelope.eventId(), envelope.occurredAt(), "queue"), clock.instant());
            if (outcome instanceof SnapshotOutcome.EventIdReused) {
                throw new InvalidMessageException("message rejected",
                        List.of(new FieldError("eventId", "was already used for a different event")));
            }
            return "event " + envelope.eventId() + " for " + snapshot.order().key() + ": "
                    + outcome.getClass().getSimpleName();
        }
        throw new IllegalStateException("unhandled message type " + envelope.type());
    }
}
