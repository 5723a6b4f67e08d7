package com.orderguard.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded, realistic month of orders for a set of shops: arrivals follow a daily curve (lunch and evening peaks,
 * busier weekends), and each order has a fate drawn from its shop's rates: shipped on time, shipped late, forgotten
 * until a warning (or the platform's auto-cancel), cancelled by the buyer early or late, cancelled by the seller
 * out of stock, cancelled in transit, or hit by a defect.
 */
final class Scenario {

    /** A shop of the simulation: marketplace, site, zone, and how well it runs. */
    record Shop(String marketplace, String site, String id, ZoneId zone, boolean troubled) {
        String key(String orderId) {
            return marketplace + "." + site + "." + orderId;
        }
    }

    /** What becomes of an order. */
    enum Fate {
        ON_TIME, LATE, FORGOTTEN, BUYER_EARLY_CANCEL, BUYER_LATE_REQUEST, SELLER_OUT_OF_STOCK, IN_TRANSIT_CANCEL,
        DEFECT
    }

    /** One order of the month. */
    record SimOrder(Shop shop, String orderId, Instant placedAt, Instant paidAt, Fate fate, boolean preOrder,
            boolean perishable, int sellerAnswer) {
        String key() {
            return shop.key(orderId);
        }
    }

    static List<Shop> shops(int count) {
        List<Shop> shops = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean troubled = i % 3 == 2 || i == count - 1;
            shops.add(switch (i % 3) {
                case 0 -> new Shop("shopee", "MY", "shopee-" + (i / 3 + 1), ZoneId.of("Asia/Kuala_Lumpur"), troubled);
                case 1 -> new Shop("amazon", "US", "amazon-" + (i / 3 + 1), ZoneId.of("America/Los_Angeles"),
                        troubled);
                default -> new Shop("ozon", "RU", "ozon-" + (i / 3 + 1), ZoneId.of("Europe/Moscow"), troubled);
            });
        }
        return shops;
    }

    /** Hourly weights of order arrivals, local time: quiet nights, a lunch peak and an evening peak. */
    private static final double[] HOURS = {0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.7, 0.9, 1.0, 1.1, 1.3, 1.6, 1.5, 1.1,
        1.0, 1.0, 1.1, 1.3, 1.6, 1.9, 1.8, 1.2, 0.6};

    static List<SimOrder> month(List<Shop> shops, LocalDate first, int days, int perShopPerDay, long seed) {
        Random random = new Random(seed);
        double total = java.util.Arrays.stream(HOURS).sum();
        List<SimOrder> orders = new ArrayList<>();
        int n = 0;
        for (int day = 0; day < days; day++) {
            LocalDate date = first.plusDays(day);
            boolean weekend = date.getDayOfWeek().getValue() >= 6;
            for (Shop shop : shops) {
                int count = (int) Math.round(perShopPerDay * (weekend ? 1.3 : 1.0) * (0.8 + 0.4 * random.nextDouble()));
                for (int i = 0; i < count; i++) {
                    double pick = random.nextDouble() * total;
                    int hour = 0;
                    while (pick > HOURS[hour]) {
                        pick -= HOURS[hour++];
                    }
                    Instant placed = date.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(shop.zone())
                            .toInstant();
                    Instant paid = placed.plus(Duration.ofMinutes(2 + random.nextInt(25)));
                    orders.add(new SimOrder(shop, String.format("SIM%06d", n++), placed, paid, fate(shop, random),
                            shop.marketplace().equals("shopee") && random.nextDouble() < 0.05,
                            shop.marketplace().equals("shopee") && random.nextDouble() < 0.03, random.nextInt(10)));
                }
            }
        }
        return orders;
    }

    private static Fate fate(Shop shop, Random random) {
        double r = random.nextDouble();
        double outOfStock = shop.troubled() ? 0.06 : 0.015;
        double late = shop.troubled() ? 0.14 : 0.05;
        double forgotten = shop.troubled() ? 0.05 : 0.015;
        double[] limits = {0.06, 0.04, outOfStock, late, forgotten, shop.marketplace().equals("shopee") ? 0.015 : 0,
            shop.marketplace().equals("amazon") ? 0.012 : 0};
        Fate[] fates = {Fate.BUYER_EARLY_CANCEL, Fate.BUYER_LATE_REQUEST, Fate.SELLER_OUT_OF_STOCK, Fate.LATE,
            Fate.FORGOTTEN, Fate.IN_TRANSIT_CANCEL, Fate.DEFECT};
        for (int i = 0; i < limits.length; i++) {
            if (r < limits[i]) {
                return fates[i];
            }
            r -= limits[i];
        }
        return Fate.ON_TIME;
    }
}
