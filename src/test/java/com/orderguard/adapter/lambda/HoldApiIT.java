package com.orderguard.adapter.lambda;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application (the native runner when built with -Dnative). */
@QuarkusIntegrationTest
class HoldApiIT extends HoldApiTest {
}
