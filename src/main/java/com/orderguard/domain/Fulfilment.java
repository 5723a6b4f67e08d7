package com.orderguard.domain;

/** Who ships the order: the seller (the ship-by clock applies) or the platform (FBA, Ozon FBO: no clock). */
public enum Fulfilment {
    SELLER, PLATFORM
}
