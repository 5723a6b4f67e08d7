package com.orderguard.domain;

import static com.orderguard.domain.FieldErrors.path;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns an {@link OrderDraft} into an {@link Order}, reporting every invalid field. */
public final class OrderValidator {

    /** Most lines one order may have. */
    public static final int MAX_ITEMS = 500;
    /** Largest quantity of one line. */
    public static final int MAX_QUANTITY = 100_000;

    /** Shop ids: letters, digits, '.', '-' and '_', 1 to 64 characters. */
    public static final Pattern SHOP_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CARRIER = Pattern.compile("[A-Z0-9_]{1,64}");
    private static final Pattern SCHEME = Pattern.compile("[A-Z]{2,10}");

    private OrderValidator() {
    }

    /**
     * Validates a draft on its own: marketplace, site and orderId are required.
     *
     * @param at the JSON path of the order in its document ("" for the document itself)
     */
    public static Validated<Order> validate(OrderDraft draft, String at) {
        FieldErrors errors = new FieldErrors();
        Order order = validate(draft, at, null, errors);
        return errors.result(() -> order);
    }

    /**
     * Validates a draft into {@code errors}. When {@code addressed} is given (the key from the request path),
     * the draft may leave out marketplace, site and orderId, and any it gives must match the key.
     *
     * @return the order, or null when an error was recorded
     */
    public static Order validate(OrderDraft draft, String at, OrderKey addressed, FieldErrors errors) {
        int before = errors.list().size();
        OrderKey key = key(draft, at, addressed, errors);
        String shopId = InputRules.matching(draft.shopId(), SHOP_ID, "1-64 letters, digits, '.', '-' or '_'",
                path(at, "shopId"), errors);
        Fulfilment fulfilment = draft.fulfilment() == null ? Fulfilment.SELLER
                : InputRules.enumValue(Fulfilment.class, draft.fulfilment(), path(at, "fulfilment"), errors);
        OrderStatus status = InputRules.enumValue(OrderStatus.class, draft.status(), path(at, "status"), errors);
        InputRules.required(status, path(at, "status"), errors);
        Instant placedAt = InputRules.instant(draft.placedAt(), path(at, "placedAt"), errors);
        Instant paidAt = InputRules.instant(draft.paidAt(), path(at, "paidAt"), errors);
        Instant arrangedAt = InputRules.instant(draft.shipmentArrangedAt(), path(at, "shipmentArrangedAt"), errors);
        Instant shipBy = InputRules.instant(draft.shipBy(), path(at, "shipBy"), errors);
        Instant shippedAt = InputRules.instant(draft.shippedAt(), path(at, "shippedAt"), errors);
        Instant deliveredAt = InputRules.instant(draft.deliveredAt(), path(at, "deliveredAt"), errors);
        String carrier = InputRules.matching(draft.carrier(), CARRIER, "1-64 upper-case letters, digits or '_',"
                + " e.g. SPX_EXPRESS", path(at, "carrier"), errors);
        String tracking = InputRules.text(draft.trackingNumber(), 64, path(at, "trackingNumber"), errors);
        String buyerId = InputRules.text(draft.buyerId(), 128, path(at, "buyerId"), errors);
        List<OrderItem> items = items(draft.items(), path(at, "items"), errors);
        String scheme = InputRules.matching(draft.deliveryScheme(), SCHEME, "2-10 upper-case letters, e.g. RFBS",
                path(at, "deliveryScheme"), errors);
        if (placedAt != null && paidAt != null && paidAt.isBefore(placedAt)) {
            errors.add(path(at, "paidAt"), "must not be before placedAt");
        }
        if (shippedAt != null && deliveredAt != null && deliveredAt.isBefore(shippedAt)) {
            errors.add(path(at, "deliveredAt"), "must not be before shippedAt");
        }
        if (errors.list().size() > before) {
            return null;
        }
        return new Order(key, shopId, fulfilment, status, placedAt, paidAt, arrangedAt, shipBy, shippedAt,
                deliveredAt, carrier, tracking, buyerId, items, scheme);
    }

    private static OrderKey key(OrderDraft draft, String at, OrderKey addressed, FieldErrors errors) {
        if (addressed != null) {
            mustMatch(draft.marketplace(), addressed.marketplace().code(), path(at, "marketplace"), errors);
            mustMatch(draft.site(), addressed.site(), path(at, "site"), errors);
            mustMatch(draft.orderId(), addressed.orderId(), path(at, "orderId"), errors);
            return addressed;
        }
        Marketplace marketplace = null;
        if (draft.marketplace() != null) {
            marketplace = Marketplace.fromCode(draft.marketplace()).orElse(null);
            if (marketplace == null) {
                errors.add(path(at, "marketplace"), "must be one of shopee, amazon, ozon, lazada, tiktok");
            }
        }
        InputRules.required(marketplace, path(at, "marketplace"), errors);
        String site = InputRules.matching(draft.site(), OrderKey.SITE, "two upper-case letters, e.g. MY",
                path(at, "site"), errors);
        InputRules.required(site, path(at, "site"), errors);
        String orderId = InputRules.matching(draft.orderId(), OrderKey.ORDER_ID,
                "1-64 letters, digits, '-' or '_'", path(at, "orderId"), errors);
        InputRules.required(orderId, path(at, "orderId"), errors);
        return marketplace == null || site == null || orderId == null ? null
                : new OrderKey(marketplace, site, orderId);
    }

    private static void mustMatch(String given, String expected, String field, FieldErrors errors) {
        if (given != null && !given.equals(expected)) {
            errors.add(field, "must match the order key in the path ('" + expected + "')");
        }
    }

    private static List<OrderItem> items(List<OrderDraft.ItemDraft> drafts, String at, FieldErrors errors) {
        if (drafts == null) {
            return List.of();
        }
        if (drafts.size() > MAX_ITEMS) {
            errors.add(at, "must have at most " + MAX_ITEMS + " items");
            return List.of();
        }
        List<OrderItem> items = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            OrderItem item = item(drafts.get(i), at + "[" + i + "]", errors);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private static OrderItem item(OrderDraft.ItemDraft draft, String at, FieldErrors errors) {
        int before = errors.list().size();
        String sku = InputRules.text(draft.sku(), 128, path(at, "sku"), errors);
        InputRules.required(sku, path(at, "sku"), errors);
        Long quantity = draft.quantity();
        if (quantity != null && (quantity < 1 || quantity > MAX_QUANTITY)) {
            errors.add(path(at, "quantity"), "must be between 1 and " + MAX_QUANTITY);
            quantity = null;
        }
        InputRules.required(quantity, path(at, "quantity"), errors);
        BigDecimal unitPrice = InputRules.money(draft.unitPrice(), path(at, "unitPrice"), errors);
        String currency = InputRules.currency(draft.currency(), path(at, "currency"), errors);
        if (draft.unitPrice() != null && draft.currency() == null) {
            errors.add(path(at, "currency"), "is required with unitPrice");
        }
        if (draft.currency() != null && draft.unitPrice() == null) {
            errors.add(path(at, "unitPrice"), "is required with currency");
        }
        Set<ItemAttribute> attributes = EnumSet.noneOf(ItemAttribute.class);
        List<String> names = draft.attributes() == null ? List.of() : draft.attributes();
        for (int i = 0; i < names.size(); i++) {
            ItemAttribute attribute = InputRules.enumValue(ItemAttribute.class, names.get(i),
                    path(at, "attributes") + "[" + i + "]", errors);
            if (attribute != null) {
                attributes.add(attribute);
            }
        }
        // a field of the wrong JSON type was reported when the JSON was read (before this count) and reads as null
        if (errors.list().size() > before || sku == null || quantity == null) {
            return null;
        }
        return new OrderItem(sku, quantity.intValue(), unitPrice, currency, attributes);
    }
}
