package com.orderguard.adapter.marketplace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.json.OrderJson;
import com.orderguard.domain.FieldError;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.support.Events;
import com.orderguard.support.TestOrders;

/** Marketplace payload fixtures (src/test/resources/marketplace) and the adapters' results as JSON, for tests. */
public final class Payloads {

    /** The context fixtures are mapped in: a shop id from the envelope, events at {@link TestOrders#T}. */
    public static final PayloadContext CONTEXT = new PayloadContext("shop-1", TestOrders.T, TestOrders.T);

    private Payloads() {
    }

    /** The fixture names (without .json) of one platform, sorted. */
    public static List<String> names(String platform) {
        URL dir = Payloads.class.getClassLoader().getResource("marketplace/" + platform);
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json") && !name.endsWith(".expected.json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fixture file of one platform, parsed: {@code load("shopee", "ready-to-ship")}. */
    public static JsonNode load(String platform, String name) {
        String resource = "marketplace/" + platform + "/" + name + ".json";
        try (InputStream in = Payloads.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return Events.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture as a mutable object, to derive variants from. */
    public static ObjectNode object(String platform, String name) {
        return (ObjectNode) load(platform, name);
    }

    /** Maps a payload in {@link #CONTEXT}, failing the test on any error. */
    public static MarketplaceOrder map(String platform, JsonNode payload) {
        return map(platform, payload, CONTEXT);
    }

    /** {@link #CONTEXT} with the message naming {@code site}. */
    public static PayloadContext onSite(String site) {
        return new PayloadContext(CONTEXT.shopId(), site, CONTEXT.occurredAt(), CONTEXT.now());
    }

    /** Maps a payload in {@code context}, failing the test on any error. */
    public static MarketplaceOrder map(String platform, JsonNode payload, PayloadContext context) {
        FieldErrors errors = new FieldErrors();
        MarketplaceOrder mapped = MarketplacePayloads.map(platform, payload, "payload", context, errors);
        if (!errors.isEmpty() || mapped == null) {
            throw new AssertionError(platform + " payload did not map: " + errors.list());
        }
        return mapped;
    }

    /** The errors of mapping a payload in {@link #CONTEXT} (empty when it mapped). */
    public static List<FieldError> errors(String platform, JsonNode payload) {
        return errors(platform, payload, CONTEXT);
    }

    /** The errors of mapping a payload in {@code context} (empty when it mapped). */
    public static List<FieldError> errors(String platform, JsonNode payload, PayloadContext context) {
        FieldErrors errors = new FieldErrors();
        MarketplaceOrder mapped = MarketplacePayloads.map(platform, payload, "payload", context, errors);
        if (errors.isEmpty() && mapped == null) {
            throw new AssertionError("no result and no error");
        }
        return errors.list();
    }

    /**
     * A mapped payload as the fixtures' *.expected.json write it: the canonical order, the request if any, and
     * the order as it stood before the request when the platform has already carried it out.
     */
    public static ObjectNode json(MarketplaceOrder mapped) {
        ObjectNode json = Events.JSON.createObjectNode();
        json.set("order", OrderJson.write(mapped.order()));
        if (mapped.request() != null) {
            OrderRequest request = mapped.request();
            ObjectNode node = json.putObject("request");
            node.put("requestId", request.requestId());
            node.put("initiator", request.initiator().name());
            node.put("reason", request.reason().name());
            node.put("via", request.via().name());
            OrderJson.putIfPresent(node, "requestedAt", request.requestedAt());
            OrderJson.putIfPresent(node, "note", request.note());
        }
        if (mapped.settled()) {
            json.set("requestedOn", OrderJson.write(mapped.requestedOn()));
        }
        return json;
    }
}
