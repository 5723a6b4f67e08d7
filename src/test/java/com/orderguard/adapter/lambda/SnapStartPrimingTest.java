package com.orderguard.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.orderguard.support.LocalDynamo;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * SnapStart's priming goes through the api function's whole path (routing, packs, a what-if decision, DynamoDB
 * reads) and answers as a caller would be answered, without writing a single item.
 */
@QuarkusTest
@TestProfile(Profiles.Api.class)
class SnapStartPrimingTest {

    @Inject
    SnapStartPriming priming;

    LocalDynamo local;

    @Test
    void priming_exercisesTheApiPath_andWritesNothing() {
        int before = local.count();

        assertThat(priming.prime()).containsExactly(200, 200, 404, 200);

        assertThat(local.count()).isEqualTo(before);
    }
}
