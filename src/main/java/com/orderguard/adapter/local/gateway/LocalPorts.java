package com.orderguard.adapter.local.gateway;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.orderguard.config.OrderGuardConfig;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Stops {@code quarkus:dev} at once when a port it needs is taken, naming the port and the property that moves it,
 * instead of leaving the mock event server taking events nobody answers. Runs before DynamoDB Local starts.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class LocalPorts {

    private static final Logger LOG = Logger.getLogger(LocalPorts.class);

    void onStart(@Observes @Priority(0) StartupEvent event, OrderGuardConfig config) {
        List<String> taken = new ArrayList<>();
        check(taken, config.local().dynamodb().port(), "orderguard.local.dynamodb.port", "DynamoDB Local");
        if (config.local().invoke().enabled()) {
            check(taken, config.local().invoke().port(), "orderguard.local.invoke.port", "the Lambda Invoke API");
        }
        if (config.local().gateway().enabled()) {
            check(taken, config.local().gateway().port(), "orderguard.local.gateway.port", "the HTTP gateway");
        }
        if (!taken.isEmpty()) {
            taken.forEach(LOG::error);
            LOG.error("quarkus:dev stops: free the port(s) above, or move them: -D<property>=<port>");
            // halt, not exit: exit's shutdown hooks would wait for this very start-up to finish. Nothing of ours
            // runs yet (this observer comes first), so there is nothing to stop cleanly.
            Runtime.getRuntime().halt(1);
        }
    }

    private static void check(List<String> taken, int port, String property, String what) {
        if (!free("127.0.0.1", port) || !free("::1", port)) {
            taken.add(message(port, property, what));
        }
    }

    private static String message(int port, String property, String what) {
        return "port " + port + " (" + what + ") is already in use; set -D" + property + "=<another port>";
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
