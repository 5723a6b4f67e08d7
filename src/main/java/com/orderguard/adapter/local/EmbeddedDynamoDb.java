package com.orderguard.adapter.local;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.jetty.server.Server;
import org.jboss.logging.Logger;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import com.orderguard.config.OrderGuardConfig;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Starts DynamoDB Local inside the {@code quarkus:dev} process, so that a local run needs no AWS account and no
 * Docker. DynamoDB Local is a 'provided' dependency: on the dev and test class paths, never in function.zip, and
 * this bean only exists in the dev build profile. It listens on 127.0.0.1 only (see {@link #start}).
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class EmbeddedDynamoDb {

    private static final Logger LOG = Logger.getLogger(EmbeddedDynamoDb.class);

    private Server server;

    void onStart(@Observes @Priority(1) StartupEvent event, OrderGuardConfig config) throws Exception {
        int port = config.local().dynamodb().port();
        Optional<String> dbPath = config.local().dynamodb().dbPath();
        if (dbPath.isPresent()) {
            Files.createDirectories(Path.of(dbPath.get()));
        }
        server = start(port, dbPath);
        LOG.infof("DynamoDB Local listening on 127.0.0.1:%d (%s)", port,
                dbPath.map(path -> "data in " + path).orElse("in memory"));
    }

    void onStop(@Observes ShutdownEvent event) throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /**
     * DynamoDB Local's request handling behind a Jetty server bound to 127.0.0.1. Its own launcher
     * ({@code ServerRunner}) binds every interface and has no option for an address, which would put a table
     * without authentication on the network; the handlers are the same ones it builds (shared database, no
     * delayed table statuses, no CORS, no telemetry).
     */
    static Server start(int port, Optional<String> dbPath) throws Exception {
        var requests = new LocalDynamoDBRequestHandler(0, dbPath.isEmpty(), dbPath.orElse(null), true, false);
        var handlers = new DynamoDBProxyServer(port, new LocalDynamoDBServerHandler(requests, null));
        Server loopback = new Server(new InetSocketAddress("127.0.0.1", port));
        loopback.setHandler(handlers.setUpHandler(new LocalDynamoDBServerHandler(requests, null)));
        loopback.start();
        return loopback;
    }
}
