package com.orderguard.adapter.lambda.http;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.orderguard.adapter.json.JsonReader;
import com.orderguard.application.AddressChanges;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.RequestDraft;
import com.orderguard.domain.decision.RequestValidator;

/**
 * {@code POST /v1/orders/{orderKey}/address-change-requests} (decide and record which path a change of delivery
 * address takes) and {@code .../{requestId}/resolution} (the seller records whether it was done). Additive to the
 * contract. The new address itself is not sent: it is personal data, and the marketplace holds it.
 */
@ApplicationScoped
public class AddressChangeRoutes {

    private static final Set<String> FIELDS = Set.of("requestId", "initiator", "requestedAt", "note");

    private final AddressChanges addresses;
    private final PolicyCatalog catalog;

    public AddressChangeRoutes(AddressChanges addresses, PolicyCatalog catalog) {
        this.addresses = addresses;
        this.catalog = catalog;
    }

    HttpResponse request(ApiRequest call) {
        FieldErrors errors = new FieldErrors();
        var parsed = OrderKey.parse(call.path("orderKey"), "orderKey");
        errors.addAll(parsed.errors());
        OrderRequest request = read(call, errors);
        if (!errors.isEmpty()) {
            return Problems.invalid("the address change request is invalid", errors.list());
        }
        OrderKey key = parsed.valueOrNull();
        return catalog.unknownSite(key.marketplace(), key.site())
                .map(unknown -> Problems.unknownSite(unknown, "orderKey"))
                .orElseGet(() -> CancellationRoutes.answer(addresses.request(call.tenant(), key, request,
                        call.receivedAt())));
    }

    HttpResponse resolve(ApiRequest call) {
        return CancellationRoutes.resolution(call, (key, requestId, approve, note) -> addresses.resolve(call.tenant(),
                key, requestId, approve, note, call.receivedAt()));
    }

    /** An address change request: who asks, when, a note; it reads as a WRONG_ADDRESS request to the engine. */
    static OrderRequest read(ApiRequest call, FieldErrors errors) {
        JsonReader json = JsonReader.of(call.body(), "", FIELDS, errors);
        if (json == null) {
            return null;
        }
        RequestDraft draft = new RequestDraft(json.string("requestId"), json.string("initiator"),
                CancelReason.WRONG_ADDRESS.name(), null, json.string("requestedAt"), json.string("note"));
        return RequestValidator.validate(draft, "", "a-" + UUID.randomUUID(), call.receivedAt(), errors);
    }
}
