package com.orderguard.adapter.lambda;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.adapter.lambda.queue.InvalidMessageException;
import com.orderguard.adapter.lambda.queue.MessageHandler;

import io.quarkus.funqy.Funq;

/**
 * The {@code ingest} Lambda, fed by SQS. Funqy calls it once per record; a record whose call throws is reported
 * in {@code batchItemFailures} and redelivered (then dead-lettered), the rest of the batch succeeds.
 */
public class IngestFunction {

    private static final Logger LOG = Logger.getLogger(IngestFunction.class);

    private final MessageHandler handler;

    public IngestFunction(MessageHandler handler) {
        this.handler = handler;
    }

    @Funq
    public void ingest(JsonNode message) {
        try {
            LOG.infof("ingest: %s", handler.handle(message));
        } catch (InvalidMessageException e) {
            LOG.errorf("ingest: %s", e.getMessage());
            throw e;
        }
    }
}
