package com.orderguard.adapter.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.orderguard.adapter.local.gateway.LocalPorts.Use;
import com.orderguard.support.Loopback;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The port check of {@code quarkus:dev}: a port something else holds is named with the property that moves it;
 * which ports are checked follows the run's configuration. (That the check runs before anything of the run binds
 * is its observer's order: see {@link LocalEventServerTest} for the event server starting before the poll loop.)
 */
class LocalPortsTest {

    @Test
    void aPortInUse_isNamedWithThePropertyThatMovesIt_andAFreeOneIsNot() throws Exception {
        int free = Loopback.freePort();
        try (ServerSocket occupied = new ServerSocket()) {
            occupied.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = occupied.getLocalPort();
            List<String> taken = LocalPorts.taken(List.of(new Use(port, "quarkus.lambda.mock-event-server.dev-port",
                    "the Lambda event server"), new Use(free, "orderguard.local.gateway.port", "the HTTP gateway")));
            assertThat(taken).containsExactly("port " + port + " (the Lambda event server) is already in use; set"
                    + " -Dquarkus.lambda.mock-event-server.dev-port=<another port>");
        }
    }

    @Test
    void theDevRun_checksDynamoDbTheEventServerTheInvokeApiAndTheGateway_atTheirConfiguredPorts() {
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "orderguard.local.event-server.enabled", "true", "orderguard.local.invoke.enabled", "true",
                "orderguard.local.gateway.enabled", "true", "orderguard.local.gateway.port", "3100"), "dev", 100))
                .build();
        assertThat(LocalPorts.uses(config)).extracting(Use::port, Use::property).containsExactly(
                tuple(8000, "orderguard.local.dynamodb.port"),
                tuple(8080, "quarkus.lambda.mock-event-server.dev-port"),
                tuple(9001, "orderguard.local.invoke.port"),
                tuple(3100, "orderguard.local.gateway.port"));

        var plain = new SmallRyeConfigBuilder().build();
        assertThat(LocalPorts.uses(plain)).extracting(Use::port).containsExactly(8000);
    }
}
