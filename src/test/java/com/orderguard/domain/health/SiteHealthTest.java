package com.orderguard.domain.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.orderguard.domain.Marketplace;
import com.orderguard.domain.decision.Basis;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.support.Packs;

/**
 * Shop health of POLICY-REFERENCE.md section 6 by site: a row per site-specific metric, threshold, window and
 * Order Volume Limit (the counts it is measured from, what it must read), and per marketplace the metrics of every
 * one of its sites with their basis.
 */
class SiteHealthTest {

    static final LocalDate TODAY = LocalDate.parse("2026-06-17");
    static final Instant NOW = Instant.parse("2026-06-17T06:00:00Z");

    /** One day's counts: orders and seller-fault cancellations, or shipments, late and tracked. */
    static DailyBucket day(LocalDate day, long orders, long cancelled, long shipped, long late, long tracked) {
        return new DailyBucket(day, Map.of(Counter.ORDERS, orders, Counter.CANCELLED_BY_SELLER, cancelled,
                Counter.SHIPPED, shipped, Counter.SHIPPED_LATE, late, Counter.SHIPPED_TRACKED, tracked));
    }

    static DailyBucket cancels(int daysAgo, long orders, long cancelled) {
        return day(TODAY.minusDays(daysAgo), orders, cancelled, 0, 0, 0);
    }

    /**
     * @param volume the Order Volume Limit expected: null for none applying, -1 for one of unstated size
     */
    record Row(String name, Marketplace marketplace, String site, List<DailyBucket> buckets, String metric,
            long numerator, long denominator, MetricStatus.Status status, Integer volume) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String lazada = "lazada.cancellationRate";
        // Lazada PH: over 30% of days 35 to 8 back, with at least 10 cancelled: Order Volume Limit for a week
        rows.add(new Row("lazada PH 30% is not over 30%", Marketplace.LAZADA, "PH", List.of(cancels(10, 40, 12)),
                lazada, 12, 40, MetricStatus.Status.AT_RISK, null));
        rows.add(new Row("lazada PH over 30% with 13 cancelled: limited", Marketplace.LAZADA, "PH",
                List.of(cancels(10, 40, 13)), lazada, 13, 40, MetricStatus.Status.BREACHED, -1));
        rows.add(new Row("lazada SG over 30%: limited (Lazada's default threshold)", Marketplace.LAZADA, "SG",
                List.of(cancels(30, 40, 13)), lazada, 13, 40, MetricStatus.Status.BREACHED, -1));
        rows.add(new Row("lazada PH 45% with 9 cancelled: not yet", Marketplace.LAZADA, "PH",
                List.of(cancels(20, 20, 9)), lazada, 9, 20, MetricStatus.Status.AT_RISK, null));
        rows.add(new Row("lazada PH window D-35..D-8", Marketplace.LAZADA, "PH", List.of(cancels(36, 5, 5),
                cancels(35, 10, 1), cancels(8, 10, 2), cancels(7, 5, 5), cancels(0, 5, 5)), lazada, 3, 20,
                MetricStatus.Status.OK, null));
        String sfcr = "tiktok.sellerFaultCancellationRate";
        // TikTok default (VN, TH, ID alike): SFCR over 7 days, from 10/30/50% Order Volume Limit 90/70/50%
        rows.add(new Row("tiktok TH 10% in 7 days: 90%", Marketplace.TIKTOK, "TH", List.of(cancels(6, 50, 5),
                cancels(0, 50, 5), cancels(7, 100, 100)), sfcr, 10, 100, MetricStatus.Status.BREACHED, 90));
        rows.add(new Row("tiktok VN 30%: 70%", Marketplace.TIKTOK, "VN", List.of(cancels(1, 100, 30)), sfcr, 30, 100,
                MetricStatus.Status.BREACHED, 70));
        rows.add(new Row("tiktok UK 50%: 50% (default)", Marketplace.TIKTOK, "UK", List.of(cancels(1, 100, 50)), sfcr,
                50, 100, MetricStatus.Status.BREACHED, 50));
        rows.add(new Row("tiktok MY 9%: ok", Marketplace.TIKTOK, "MY", List.of(cancels(1, 100, 9)), sfcr, 9, 100,
                MetricStatus.Status.AT_RISK, null));
        // TikTok ID: aim under 2.5%; 10/30/50/75%: Order Volume Limit 75/50/25/0%
        rows.add(new Row("tiktok ID 2.5% breaches its aim", Marketplace.TIKTOK, "ID", List.of(cancels(1, 200, 5)),
                sfcr, 5, 200, MetricStatus.Status.BREACHED, null));
        rows.add(new Row("tiktok ID 10%: 75%", Marketplace.TIKTOK, "ID", List.of(cancels(1, 100, 10)), sfcr, 10, 100,
                MetricStatus.Status.BREACHED, 75));
        rows.add(new Row("tiktok ID 75%: no orders", Marketplace.TIKTOK, "ID", List.of(cancels(1, 100, 75)), sfcr,
                75, 100, MetricStatus.Status.BREACHED, 0));
        // TikTok US: SFCR at most 2.5%, LDR at most 4%, VTR at least 95%
        rows.add(new Row("tiktok US SFCR 2.5% is within", Marketplace.TIKTOK, "US", List.of(cancels(1, 200, 5)),
                sfcr, 5, 200, MetricStatus.Status.AT_RISK, null));
        rows.add(new Row("tiktok US SFCR 3%", Marketplace.TIKTOK, "US", List.of(cancels(1, 100, 3)), sfcr, 3, 100,
                MetricStatus.Status.BREACHED, null));
        rows.add(new Row("tiktok US LDR 5%", Marketplace.TIKTOK, "US", List.of(day(TODAY, 0, 0, 100, 5, 100)),
                "tiktok.lateDispatchRate", 5, 100, MetricStatus.Status.BREACHED, null));
        rows.add(new Row("tiktok US VTR 94%", Marketplace.TIKTOK, "US", List.of(day(TODAY, 0, 0, 100, 0, 94)),
                "tiktok.validTrackingRate", 94, 100, MetricStatus.Status.BREACHED, null));
        rows.add(new Row("tiktok US VTR 97%", Marketplace.TIKTOK, "US", List.of(day(TODAY, 0, 0, 100, 0, 97)),
                "tiktok.validTrackingRate", 97, 100, MetricStatus.Status.OK, null));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theSitesMetric_readsItsWindowAndThreshold_andSetsItsVolumeLimit(Row row) {
        PolicyPack pack = Packs.CATALOG.inForce(row.marketplace(), row.site(), null, NOW).orElseThrow();

        ShopHealth.Report report = ShopHealth.evaluate(pack.health(), row.buckets(), TODAY, 0.8);

        MetricStatus metric = report.metrics().stream().filter(m -> m.definition().id().equals(row.metric()))
                .findFirst().orElseThrow();
        assertThat(metric.numerator()).isEqualTo(row.numerator());
        assertThat(metric.denominator()).isEqualTo(row.denominator());
        assertThat(metric.status()).isEqualTo(row.status());
        if (!row.metric().equals(report.volumeLimit().metric())) {
            return;
        }
        assertThat(report.volumeLimit().applies()).isEqualTo(row.volume() != null);
        assertThat(report.volumeLimit().volumePercent()).isEqualTo(row.volume() == null || row.volume() < 0 ? null
                : row.volume());
    }

    static Stream<Arguments> sites() {
        List<Arguments> sites = new ArrayList<>();
        List<String> lazada = List.of("lazada.cancellationRate P28D 0.3");
        sites.add(Arguments.of(Marketplace.LAZADA, "PH", lazada, Basis.SITE));
        sites.add(Arguments.of(Marketplace.LAZADA, "SG", lazada, Basis.SITE));
        for (String site : List.of("MY", "TH", "VN", "ID")) {
            sites.add(Arguments.of(Marketplace.LAZADA, site, lazada, Basis.MARKETPLACE_DEFAULT));
        }
        String sfcr = "tiktok.sellerFaultCancellationRate P7D ";
        sites.add(Arguments.of(Marketplace.TIKTOK, "TH", List.of(sfcr + 0.1), Basis.SITE));
        sites.add(Arguments.of(Marketplace.TIKTOK, "ID", List.of(sfcr + 0.025), Basis.SITE));
        sites.add(Arguments.of(Marketplace.TIKTOK, "US", List.of(sfcr + 0.025, "tiktok.lateDispatchRate P7D 0.04",
                "tiktok.validTrackingRate P7D 0.95"), Basis.SITE));
        for (String site : List.of("VN", "MY", "SG", "PH", "UK")) {
            sites.add(Arguments.of(Marketplace.TIKTOK, site, List.of(sfcr + 0.1), Basis.MARKETPLACE_DEFAULT));
        }
        return sites.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sites")
    void everySiteOfTheMarketplace_hasItsMetrics_withTheirBasisAndSource(Marketplace marketplace, String site,
            List<String> metrics, Basis basis) {
        PolicyPack pack = Packs.CATALOG.inForce(marketplace, site, null, NOW).orElseThrow();

        assertThat(pack.health().metrics()).extracting(m -> m.id() + " " + m.window() + " " + m.threshold())
                .containsExactlyElementsOf(metrics);
        assertThat(pack.health().metrics()).allSatisfy(m -> assertThat(m.source()).isNotBlank());
        assertThat(pack.healthBasis()).isEqualTo(basis);
        HealthRules.VolumeLimits limits = pack.health().volumeLimits();
        assertThat(limits).isNotNull();
        assertThat(limits.metric()).isEqualTo(metrics.get(0).split(" ")[0]);
        Period duration = marketplace != Marketplace.LAZADA ? null : switch (site) {
            case "PH" -> Period.ofDays(7);
            case "SG" -> Period.ofDays(14);
            default -> null;
        };
        assertThat(limits.duration()).isEqualTo(duration);
    }
}
