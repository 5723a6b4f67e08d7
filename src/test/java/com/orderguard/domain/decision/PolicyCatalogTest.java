package com.orderguard.domain.decision;

import static com.orderguard.support.TestOrders.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.orderguard.support.Packs;

class PolicyCatalogTest {

    static String inForce(String key, String scheme, String at) {
        return Packs.CATALOG.inForce(order(key).scheme(scheme).build(), Instant.parse(at))
                .map(PolicyPack::ref).orElse("none");
    }

    @Test
    void thePackInForce_changesAtMidnightOfTheSitesTimeZone() {
        assertThat(inForce("shopee.MY.1", null, "2024-11-12T15:59:59Z")).isEqualTo("shopee-MY@2020-01-01");
        assertThat(inForce("shopee.MY.1", null, "2024-11-12T16:00:00Z")).isEqualTo("shopee-MY@2024-11-13");
        assertThat(inForce("shopee.SG.1", null, "2025-02-11T16:00:00Z")).isEqualTo("shopee-SG@2025-02-12");
    }

    @Test
    void ozonOrders_useTheirDeliveryScheme_andFbsWhenTheyNameNone() {
        assertThat(inForce("ozon.RU.1", null, "2025-01-01T00:00:00Z")).isEqualTo("ozon-RU-FBS@2020-01-01");
        assertThat(inForce("ozon.RU.1", "RFBS", "2025-01-01T00:00:00Z")).isEqualTo("ozon-RU-RFBS@2020-01-01");
        assertThat(inForce("ozon.RU.1", "FBS", "2025-01-01T00:00:00Z")).isEqualTo("ozon-RU-FBS@2020-01-01");
    }

    @Test
    void sitesWithoutAPack_haveNone_andEuStoresShareOne() {
        assertThat(inForce("shopee.ZZ.1", null, "2025-01-01T00:00:00Z")).isEqualTo("none");
        assertThat(inForce("shopee.TH.1", null, "2024-01-01T00:00:00Z")).isEqualTo("shopee-TH@2020-01-01");
        assertThat(inForce("shopee.TH.1", null, "2025-01-01T00:00:00Z")).isEqualTo("shopee-TH@2024-10-03");
        assertThat(inForce("amazon.FR.1", null, "2025-01-01T00:00:00Z")).isEqualTo("amazon-EU@2020-09-30");
        assertThat(inForce("shopee.MY.1", null, "2019-01-01T00:00:00Z")).isEqualTo("none");
    }

    @Test
    void isInForce_marksOnlyTheNewestStartedVersion() {
        Instant now = Instant.parse("2025-06-01T00:00:00Z");
        assertThat(Packs.CATALOG.packs().stream().filter(p -> Packs.CATALOG.isInForce(p, now)).map(PolicyPack::ref))
                .contains("shopee-MY@2024-11-13", "shopee-SG@2025-02-12")
                .doesNotContain("shopee-MY@2020-01-01", "shopee-SG@2020-01-01");
    }
}
