package com.orderguard.adapter.lambda;

import com.orderguard.adapter.lambda.http.ApiRouter;
import com.orderguard.adapter.lambda.http.HttpApiEvent;
import com.orderguard.adapter.lambda.http.HttpResponse;

import io.quarkus.funqy.Funq;

/** The {@code api} Lambda: API Gateway HTTP API events in, {@code {statusCode, headers, body}} out. */
public class ApiFunction {

    private final ApiRouter router;

    public ApiFunction(ApiRouter router) {
        this.router = router;
    }

    @Funq
    public HttpResponse api(HttpApiEvent event) {
        return router.handle(event);
    }
}
