package com.orderguard.application;

import java.util.Optional;
import java.util.function.BiFunction;

import com.orderguard.application.Retry.Attempt;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.ReadRound;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.RequestStatus;
import com.orderguard.domain.decision.RequestType;

/**
 * The seller's answer to a pending request of any type, up to what each type does with it: find the request and
 * its order (or say why not), retried as one attempt with the answer's commit.
 */
final class PendingAnswers {

    private PendingAnswers() {
    }

    /**
     * Finds pending request {@code requestId} of {@code type} and its order, then lets {@code answer} decide and
     * commit; {@code doing} names the work in the error when other writers keep winning.
     */
    static RequestOutcome answer(ReadRound round, OrderChangeStore requests, OrderStore orders, TenantId tenant,
            OrderKey key, String requestId, RequestType type, String doing,
            BiFunction<RequestRecord, StoredOrder, Attempt<RequestOutcome>> answer) {
        return Retry.WRITES.run(attempt -> {
            // the request and its order are read together: one round trip, then the answer's transaction
            Together.Two<Optional<RequestRecord>, Optional<StoredOrder>> read = Together.two(round,
                    () -> requests.findRequest(tenant, key, requestId), () -> orders.find(tenant, key));
            Optional<RequestRecord> found = read.first();
            if (found.isEmpty() || found.get().type() != type) {
                return Retry.done(new RequestOutcome.RequestNotFound());
            }
            if (found.get().status() != RequestStatus.PENDING) {
                return Retry.done(new RequestOutcome.NotPending(found.get()));
            }
            Optional<StoredOrder> stored = read.second();
            if (stored.isEmpty()) {
                return Retry.done(new RequestOutcome.OrderNotFound());
            }
            return answer.apply(found.get(), stored.get());
        }, "order " + key + " kept changing while " + doing + " " + requestId);
    }
}
