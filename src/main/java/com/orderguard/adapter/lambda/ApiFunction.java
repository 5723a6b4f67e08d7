package com.orderguard.adapter.lambda;

import org.jboss.logging.Logger;

import com.orderguard.adapter.lambda.http.ApiRouter;
import com.orderguard.adapter.lambda.http.HttpApiEvent;
import com.orderguard.adapter.lambda.http.HttpResponse;
import com.orderguard.adapter.telemetry.LogFields;

import io.quarkus.funqy.Funq;

/** The {@code api} Lambda: API Gateway HTTP API events in, {@code {statusCode, headers, body}} out. */
public class ApiFunction {

    private static final Logger LOG = Logger.getLogger(ApiFunction.class);

    private final ApiRouter router;

    public ApiFunction(ApiRouter router) {
        this.router = router;
    }

    @Funq
    public HttpResponse api(HttpApiEvent event) {
        long started = System.nanoTime();
        try {
            HttpResponse response = router.handle(event);
            // one line per call, with the correlation fields the router set; never the body
            LOG.infof("answered %d in %d ms", response.statusCode(), (System.nanoTime() - started) / 1_000_000);
            return response;
        } finally {
            LogFields.clear();
        }
    }
}
