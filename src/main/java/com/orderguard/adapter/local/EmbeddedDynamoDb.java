package com.orderguard.adapter.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.orderguard.config.OrderGuardConfig;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Starts DynamoDB Local inside the {@code quarkus:dev} process, so that a local run needs no AWS account and no
 * Docker. DynamoDB Local is a 'provided' dependency: on the dev and test class paths, never in function.zip, and
 * this bean only exists in the dev build profile.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class EmbeddedDynamoDb {

    private static final Logger LOG = Logger.getLogger(EmbeddedDynamoDb.class);

    private DynamoDBProxyServer server;

    void onStart(@Observes @Priority(1) StartupEvent event, OrderGuardConfig config) throws Exception {
        int port = config.local().dynamodb().port();
        Optional<String> dbPath = config.local().dynamodb().dbPath();
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"));
        if (dbPath.isPresent()) {
            Files.createDirectories(Path.of(dbPath.get()));
            args.addAll(List.of("-dbPath", dbPath.get()));
        } else {
            args.add("-inMemory");
        }
        server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        server.start();
        LOG.infof("DynamoDB Local listening on 127.0.0.1:%d (%s)", port,
                dbPath.map(path -> "data in " + path).orElse("in memory"));
    }

    void onStop(@Observes ShutdownEvent event) throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
