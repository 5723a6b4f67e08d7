package com.orderguard.adapter.local.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.orderguard.support.Profiles;

/** Plain HTTP against the local gateway of {@link Profiles.Gateway}, as curl or a browser would call it. */
final class GatewayClient {

    static final String BASE = "http://localhost:" + Profiles.Gateway.PORT;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private GatewayClient() {
    }

    /** A local token for {@code tenant}, from {@code POST /local/token}. */
    static String token(String tenant) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(BASE + "/local/token?sub=" + tenant))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token: " + response.statusCode() + " " + response.body());
        }
        return response.body().trim();
    }

    /** {@code method path} with a JSON body (or none) and the token (or none). */
    static HttpResponse<String> call(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        return call(method, path, token, "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> call(String method, String path, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
