package com.orderguard.application;

/**
 * The buyer and shop of an order as a caller knows them, so that a request on an order this process has not seen
 * can read the buyer's history and the shop's buckets together with the order. Only a hint: the stored order
 * decides, and a hint that differs from it costs one more round trip (the reads it names are made again).
 *
 * @param buyerId the buyer, or null when the caller does not know one
 * @param shopId the shop; a hint without one names nothing to read
 */
public record OrderHint(String buyerId, String shopId) {
}
