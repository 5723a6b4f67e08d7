package com.orderguard.adapter.lambda.http;

import java.util.List;

/** The route keys of the public contract (../shared/API.md); infra/template.yaml declares exactly these. */
public final class ApiContract {

    public static final String EVALUATE = "POST /v1/evaluations";
    public static final String PUT_ORDER = "PUT /v1/orders/{orderKey}";
    public static final String GET_ORDER = "GET /v1/orders/{orderKey}";
    public static final String REQUEST_CANCELLATION = "POST /v1/orders/{orderKey}/cancellation-requests";
    public static final String RESOLVE_CANCELLATION =
            "POST /v1/orders/{orderKey}/cancellation-requests/{requestId}/resolution";
    public static final String PUT_HOLD = "PUT /v1/orders/{orderKey}/auto-cancel-hold";
    public static final String DELETE_HOLD = "DELETE /v1/orders/{orderKey}/auto-cancel-hold";
    public static final String SHOP_HEALTH = "GET /v1/shops/{marketplace}/{site}/{shopId}/health";
    public static final String POLICIES = "GET /v1/policies";
    /** Additive to API.md: order defects (negative feedback, A-to-z claims, chargebacks) for ODR. */
    public static final String RECORD_DEFECT = "POST /v1/orders/{orderKey}/defects";

    /** Additive to API.md: requests to change the delivery address, and the seller's account of them. */
    public static final String REQUEST_ADDRESS_CHANGE = "POST /v1/orders/{orderKey}/address-change-requests";
    public static final String RESOLVE_ADDRESS_CHANGE =
            "POST /v1/orders/{orderKey}/address-change-requests/{requestId}/resolution";

    /** Additive to API.md: one place for every shop (issue 16). */
    public static final String ATTENTION = "GET /v1/attention";
    public static final String SHOPS = "GET /v1/shops";
    public static final String LIST_ORDERS = "GET /v1/orders";

    /** Every route: the contract's, and the additive ones. */
    public static final List<String> ROUTES = List.of(EVALUATE, PUT_ORDER, GET_ORDER, REQUEST_CANCELLATION,
            RESOLVE_CANCELLATION, PUT_HOLD, DELETE_HOLD, SHOP_HEALTH, POLICIES, RECORD_DEFECT, REQUEST_ADDRESS_CHANGE,
            RESOLVE_ADDRESS_CHANGE, ATTENTION, SHOPS, LIST_ORDERS);

    private ApiContract() {
    }
}
