package com.orderguard.adapter.local.gateway;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Stops {@code quarkus:dev} at once when a port it needs is taken, naming the port and the property that moves it,
 * instead of leaving a server taking requests nobody answers. It observes the CDI container's initialisation,
 * the first project code of a start: before the {@link LocalEventServer} it checks for (Quarkus' own mock event
 * server, which would bind before any project code, is switched off in dev mode), before the function's poll loop
 * and before DynamoDB Local, the Invoke API and the gateway start. Config is read directly: it runs before the
 * runtime config mapping may be injected.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class LocalPorts {

    /** A port a local run listens on, what listens there, and the property that moves it. */
    record Use(int port, String property, String what) {
    }

    void onInit(@Observes @Priority(0) @Initialized(ApplicationScoped.class) Object event) {
        List<String> taken = taken(uses(ConfigProvider.getConfig()));
        if (!taken.isEmpty()) {
            // straight to stderr, flushed: the log handlers would not get to write before the halt below
            taken.forEach(System.err::println);
            System.err.println("quarkus:dev stops: free the port(s) above, or move them: -D<property>=<port>");
            System.err.flush();
            // halt, not exit: exit's shutdown hooks would wait for this very start-up to finish. Nothing of ours
            // runs yet (this observer comes first), so there is nothing to stop cleanly.
            Runtime.getRuntime().halt(1);
        }
    }

    /** The ports this run will listen on, by its configuration. */
    static List<Use> uses(Config config) {
        List<Use> uses = new ArrayList<>();
        uses.add(new Use(port(config, "orderguard.local.dynamodb.port", 8000), "orderguard.local.dynamodb.port",
                "DynamoDB Local"));
        if (enabled(config, "orderguard.local.event-server.enabled")) {
            uses.add(new Use(port(config, LocalEventServer.PORT_PROPERTY, 8080), LocalEventServer.PORT_PROPERTY,
                    "the Lambda event server"));
        }
        if (enabled(config, "orderguard.local.invoke.enabled")) {
            uses.add(new Use(port(config, "orderguard.local.invoke.port", 9001), "orderguard.local.invoke.port",
                    "the Lambda Invoke API"));
        }
        if (enabled(config, "orderguard.local.gateway.enabled")) {
            uses.add(new Use(port(config, "orderguard.local.gateway.port", 3000), "orderguard.local.gateway.port",
                    "the HTTP gateway"));
        }
        return uses;
    }

    /** One line per port of {@code uses} that something else already listens on (on 127.0.0.1 or ::1). */
    static List<String> taken(List<Use> uses) {
        return uses.stream().filter(use -> !free("127.0.0.1", use.port()) || !free("::1", use.port()))
                .map(use -> "port " + use.port() + " (" + use.what() + ") is already in use; set -D"
                        + use.property() + "=<another port>")
                .toList();
    }

    private static int port(Config config, String property, int defaultPort) {
        return config.getOptionalValue(property, Integer.class).orElse(defaultPort);
    }

    private static boolean enabled(Config config, String property) {
        return config.getOptionalValue(property, Boolean.class).orElse(false);
    }

    private static boolean free(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            // "Cannot assign requested address" means the machine has no such loopback (no IPv6): nothing can use it
            return !(e instanceof BindException) || !e.getMessage().contains("in use");
        }
    }
}
