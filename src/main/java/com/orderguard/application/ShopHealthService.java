package com.orderguard.application;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.orderguard.application.Retry.Attempt;
import com.orderguard.application.port.HealthStore;
import com.orderguard.application.port.HealthStore.ShopData;
import com.orderguard.application.port.OrderStore.ShopLook;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.DecisionContext;
import com.orderguard.domain.decision.MetricValue;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.decision.PriorRequest;
import com.orderguard.domain.decision.SellerCancellations;
import com.orderguard.domain.health.Counter;
import com.orderguard.domain.health.Counts;
import com.orderguard.domain.health.MetricStatus;
import com.orderguard.domain.health.ShopHealth;
import com.orderguard.domain.health.ShopKey;

/**
 * A shop's health from its daily buckets: the report, the current values a what-if needs, and the watch that
 * publishes {@code MetricAtRisk} when a metric crosses into at risk or breached.
 */
public class ShopHealthService {

    /** Buckets read for a report: the longest window (60 days) and a quarter of penalty points fit in it. */
    static final int HISTORY_DAYS = 100;

    private final HealthStore store;
    private final PolicyCatalog catalog;
    private final double atRiskMargin;

    public ShopHealthService(HealthStore store, PolicyCatalog catalog, double atRiskMargin) {
        this.store = store;
        this.catalog = catalog;
        this.atRiskMargin = atRiskMargin;
    }

    /** The shop's health now under the pack in force for its marketplace and site; empty without a pack. */
    public Optional<Health> report(TenantId tenant, ShopKey shop, Instant now) {
        Optional<PolicyPack> pack = catalog.inForce(shop.marketplace(), shop.site(), null, now);
        if (pack.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = now.atZone(pack.get().zone()).toLocalDate();
        ShopData data = store.load(tenant, shop, today.minusDays(HISTORY_DAYS));
        return Optional.of(new Health(shop, pack.get(), today,
                ShopHealth.evaluate(pack.get().health(), data.buckets(), today, atRiskMargin)));
    }

    /**
     * What a decision on an order of this shop reads from the shop's buckets (one read): as far back as the pack's
     * conditions look, or nothing (null) when the pack needs nothing from them. It needs only the shop and the
     * pack, so it can go out together with the order's own read.
     */
    public ShopData contextData(TenantId tenant, ShopKey shop, PolicyPack pack, Instant now) {
        Optional<SellerCancellations> cancellations = SellerCancellations.readBy(pack,
                Duration.ofDays(HISTORY_DAYS));
        if (pack.health().metrics().isEmpty() && cancellations.isEmpty()) {
            return null;
        }
        LocalDate today = now.atZone(pack.zone()).toLocalDate();
        LocalDate history = today.minusDays(HISTORY_DAYS);
        LocalDate from = cancellations.map(c -> c.firstDay(today)).filter(history::isAfter).orElse(history);
        return store.load(tenant, shop, from);
    }

    /**
     * What a decision reads besides the order: the earlier requests given, and from the shop's buckets as
     * {@link #contextData} read them (null: none needed) the metric values now and the seller's own cancellations
     * that counted against it.
     */
    public DecisionContext decisionContext(PolicyPack pack, Instant now, ShopData data, List<PriorRequest> onOrder,
            List<PriorRequest> byBuyer) {
        if (data == null) {
            return new DecisionContext(List.of(), onOrder, byBuyer, List.of());
        }
        LocalDate today = now.atZone(pack.zone()).toLocalDate();
        List<MetricValue> metrics = pack.health().metrics().stream()
                .map(definition -> ShopHealth.measure(definition, data.buckets(), today, atRiskMargin))
                .map(m -> new MetricValue(m.definition().id(), m.definition().window(), m.numerator(),
                        m.denominator())).toList();
        return new DecisionContext(metrics, onOrder, byBuyer, SellerCancellations.readBy(pack,
                Duration.ofDays(HISTORY_DAYS)).map(c -> c.from(data.buckets(), today, pack.zone())).orElse(List.of()));
    }

    /**
     * Looks at the shop's metrics after something counted against it, and publishes {@code MetricAtRisk} for each
     * metric that got worse (ok to at risk, or to breached) since it was last looked at; then clears the shop's look
     * mark, if it has one, at the count this look read.
     *
     * @return whether the metrics were looked at (false: the shop's pack has no metrics)
     */
    public boolean watch(TenantId tenant, ShopKey shop, Instant now) {
        Optional<PolicyPack> pack = catalog.inForce(shop.marketplace(), shop.site(), null, now);
        if (pack.isEmpty() || pack.get().health().metrics().isEmpty()) {
            return false;
        }
        // after three other looks in a row saved first, a mark, if any, stays for the next look
        Retry.LOOKS.attempt(attempt -> lookOnce(tenant, shop, pack.get(), now));
        return true;
    }

    /** One look: read the buckets and statuses, save the statuses that changed with their events, clear the mark. */
    private Attempt<Boolean> lookOnce(TenantId tenant, ShopKey shop, PolicyPack pack, Instant now) {
        LocalDate today = now.atZone(pack.zone()).toLocalDate();
        ShopData data = store.load(tenant, shop, today.minusDays(HISTORY_DAYS));
        ShopHealth.Report report = ShopHealth.evaluate(pack.health(), data.buckets(), today, atRiskMargin);
        Map<String, MetricStatus.Status> statuses = new HashMap<>();
        List<OutboxEvent> events = new ArrayList<>();
        for (MetricStatus metric : report.metrics()) {
            String name = metric.definition().id() + " " + metric.definition().window();
            statuses.put(name, metric.status());
            MetricStatus.Status last = data.statuses().getOrDefault(name, MetricStatus.Status.OK);
            if (metric.status().worseThan(last)) {
                events.add(new OutboxEvent.MetricAtRisk(OutboxEvent.id("MetricAtRisk", tenant, null,
                        shop + ":" + name.replace(' ', ':') + ":" + metric.status() + ":" + today), tenant, null,
                        now, shop, metric.definition().id(), metric.definition().window(), metric.value(),
                        metric.definition().threshold(), metric.status().name()));
            }
        }
        // an absent status reads as OK, so statuses that only add OKs change nothing worth a write
        if (!notOk(statuses).equals(notOk(data.statuses()))
                && !store.saveStatuses(tenant, shop, statuses, data.version(), events, now)) {
            return Retry.lost();
        }
        if (!data.lookMarks().isEmpty()) {
            store.clearLook(tenant, shop, data.lookMarks());
        }
        return Retry.done(true);
    }

    /**
     * A look mark the sweep found in the due-time index: the look it asks for, and the mark cleared even when the
     * shop's pack has no metrics to look at (or no longer has).
     */
    public void look(ShopLook look, Instant now) {
        if (!watch(look.tenant(), look.shop(), now)) {
            store.clearLook(look.tenant(), look.shop(), look.marks());
        }
    }

    private static Map<String, MetricStatus.Status> notOk(Map<String, MetricStatus.Status> statuses) {
        Map<String, MetricStatus.Status> worse = new HashMap<>(statuses);
        worse.values().removeIf(status -> status == MetricStatus.Status.OK);
        return worse;
    }

    /**
     * A change's increments to the shop's buckets, marked for a look when something other than new orders counts
     * against a shop whose pack watches metrics. The writer does not look right after its commit (that would be a
     * third round trip after its reads and its transaction): the mark lands in the same transaction, and the next
     * sweep run finds it in the due-time index and looks (new orders alone only improve ratios and are left for the
     * next look).
     */
    public ShopCounts counted(ShopKey shop, Counts counts, Instant now) {
        boolean worsens = counts.byDay().values().stream()
                .anyMatch(day -> day.keySet().stream().anyMatch(c -> c != Counter.ORDERS));
        return new ShopCounts(shop, counts, worsens && watches(shop, now));
    }

    /** Whether the shop's metrics are watched: the pack in force for its site names some. */
    public boolean watches(ShopKey shop, Instant now) {
        return catalog.inForce(shop.marketplace(), shop.site(), null, now)
                .map(pack -> !pack.health().metrics().isEmpty()).orElse(false);
    }

    /** A shop's health report under a pack, on a site-local day. */
    public record Health(ShopKey shop, PolicyPack pack, LocalDate today, ShopHealth.Report report) {
    }
}
