package com.orderguard.application;

import java.util.List;

import com.orderguard.domain.HistoryEntry;

/**
 * Everything stored about one order, as the order view shows it: the order, its cancellation requests and its
 * history, each oldest first.
 */
public record OrderRecord(StoredOrder stored, List<RequestRecord> requests, List<HistoryEntry> history) {
}
