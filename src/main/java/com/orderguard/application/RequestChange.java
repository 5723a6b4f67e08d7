package com.orderguard.application;

import com.orderguard.application.port.OrderChangeStore.OrderChange;

/** A request decided on an order, and the order change that records it (not committed yet). */
record RequestChange(RequestRecord record, OrderChange change) {
}
