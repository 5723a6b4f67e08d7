package com.orderguard.reliability;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.orderguard.application.RequestRecord;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;

/**
 * The real order change store, counting the commits that landed per order, so a test can tell how many writes an
 * order's version must show. Optionally it fails on purpose around a commit (see {@link Sabotage}).
 */
final class CountingStore implements OrderChangeStore {

    /** Something to do before or after a commit, e.g. throw to kill the caller part way. */
    interface Sabotage {
        void around(OrderChange commit, boolean committed);
    }

    private final OrderChangeStore store;
    private final Map<String, AtomicLong> commits = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> unknown = new ConcurrentHashMap<>();
    private volatile Sabotage sabotage = (commit, committed) -> { };

    CountingStore(OrderChangeStore store) {
        this.store = store;
    }

    void sabotage(Sabotage value) {
        sabotage = value;
    }

    /** Commits that landed on this order through this store. */
    long commits(String tenant, OrderKey key) {
        AtomicLong count = commits.get(tenant + "|" + key);
        return count == null ? 0 : count.get();
    }

    @Override
    public Optional<RequestRecord> findRequest(TenantId tenant, OrderKey key, String requestId) {
        return store.findRequest(tenant, key, requestId);
    }

    @Override
    public BuyerHistory buyerHistory(TenantId tenant, Marketplace marketplace, String buyerId) {
        return store.buyerHistory(tenant, marketplace, buyerId);
    }

    /** Commits whose outcome is unknown: the store failed (perhaps after the write landed). */
    long unknown(String tenant, OrderKey key) {
        AtomicLong count = unknown.get(tenant + "|" + key);
        return count == null ? 0 : count.get();
    }

    @Override
    public CommitResult commit(OrderChange commit) {
        sabotage.around(commit, false);
        CommitResult result;
        try {
            result = store.commit(commit);
        } catch (RuntimeException e) {
            unknown.computeIfAbsent(commit.before().tenant() + "|" + commit.before().order().key(),
                    k -> new AtomicLong()).incrementAndGet();
            throw e;
        }
        if (result instanceof CommitResult.Committed) {
            commits.computeIfAbsent(commit.before().tenant() + "|" + commit.before().order().key(),
                    k -> new AtomicLong()).incrementAndGet();
            sabotage.around(commit, true);
        }
        return result;
    }
}
