package com.orderguard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SnapshotStampTest {

    static final Instant T = Instant.parse("2024-11-20T10:00:00Z");

    @Test
    void laterOccurredAt_isNewer_whateverTheStatus() {
        SnapshotStamp earlier = new SnapshotStamp(T, OrderStatus.DELIVERED, "z");
        SnapshotStamp later = new SnapshotStamp(T.plusMillis(1), OrderStatus.UNPAID, "a");
        assertThat(later.isNewerThan(earlier)).isTrue();
        assertThat(earlier.isNewerThan(later)).isFalse();
    }

    @Test
    void sameInstant_furtherStatusWins_thenGreaterEventId() {
        SnapshotStamp arranged = new SnapshotStamp(T, OrderStatus.SHIPMENT_ARRANGED, "b");
        SnapshotStamp transit = new SnapshotStamp(T, OrderStatus.IN_TRANSIT, "a");
        assertThat(transit.isNewerThan(arranged)).isTrue();
        assertThat(new SnapshotStamp(T, OrderStatus.IN_TRANSIT, "b").isNewerThan(transit)).isTrue();
    }

    @Test
    void aStamp_isNotNewerThanItself() {
        SnapshotStamp stamp = new SnapshotStamp(T, OrderStatus.UNPAID, "e-1");
        assertThat(stamp.isNewerThan(new SnapshotStamp(T, OrderStatus.UNPAID, "e-1"))).isFalse();
    }

    /** Applying "keep the newer" in any delivery order, with repeats, ends on the same stamp. */
    @RepeatedTest(20)
    void anyDeliveryOrder_convergesOnTheSameStamp() {
        Random random = new Random();
        List<SnapshotStamp> stamps = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            stamps.add(new SnapshotStamp(T.plusSeconds(random.nextInt(4)),
                    OrderStatus.values()[random.nextInt(OrderStatus.values().length)], "e-" + random.nextInt(5)));
        }
        SnapshotStamp inOrder = keepNewest(stamps);
        List<SnapshotStamp> shuffled = new ArrayList<>(stamps);
        shuffled.addAll(stamps.subList(0, 4));
        Collections.shuffle(shuffled, random);
        assertThat(keepNewest(shuffled)).isEqualTo(inOrder);
    }

    static SnapshotStamp keepNewest(List<SnapshotStamp> delivered) {
        SnapshotStamp stored = null;
        for (SnapshotStamp stamp : delivered) {
            if (stored == null || stamp.isNewerThan(stored)) {
                stored = stamp;
            }
        }
        return stored;
    }
}
