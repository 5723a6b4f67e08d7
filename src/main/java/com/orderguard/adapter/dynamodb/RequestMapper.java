package com.orderguard.adapter.dynamodb;

import static com.orderguard.adapter.dynamodb.Attrs.instant;
import static com.orderguard.adapter.dynamodb.Attrs.s;
import static com.orderguard.adapter.dynamodb.Attrs.string;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.orderguard.application.RequestRecord;
import com.orderguard.domain.decision.RequestStatus;
import com.orderguard.domain.decision.Resolution;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Channel;
import com.orderguard.domain.decision.Basis;
import com.orderguard.domain.decision.Cost;
import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.DecisionKind;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.domain.decision.MetricImpact;
import com.orderguard.domain.decision.Outcome;
import com.orderguard.domain.decision.RequestType;
import com.orderguard.domain.decision.RuleRef;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps a recorded cancellation request (request, decision, status, resolution) to its REQUEST item and back. */
final class RequestMapper {

    static final String STATUS = "status";

    private RequestMapper() {
    }

    /** The item's attributes other than its keys. */
    static Map<String, AttributeValue> toAttributes(RequestRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableLayout.TYPE, s("REQUEST"));
        item.put("requestId", s(record.requestId()));
        item.put("requestType", s(record.type().name()));
        item.put(STATUS, s(record.status().name()));
        item.put("packRef", s(record.packRef()));
        item.put("decidedAt", Attrs.instant(record.decidedAt()));
        item.put("fingerprint", s(record.fingerprint()));
        OrderRequest request = record.request();
        item.put("initiator", s(request.initiator().name()));
        item.put("reason", s(request.reason().name()));
        item.put("via", s(request.via().name()));
        item.put("requestedAt", Attrs.instant(request.requestedAt()));
        if (request.note() != null) {
            item.put("note", s(request.note()));
        }
        item.put("decision", AttributeValue.fromM(decision(record.decision())));
        if (record.resolution() != null) {
            item.put("resolution", AttributeValue.fromM(resolution(record.resolution())));
        }
        return item;
    }

    static Map<String, AttributeValue> resolution(Resolution how) {
        Map<String, AttributeValue> resolution = new HashMap<>();
        resolution.put("by", s(how.by()));
        resolution.put("resolution", s(how.resolution()));
        resolution.put("at", Attrs.instant(how.at()));
        if (how.note() != null) {
            resolution.put("note", s(how.note()));
        }
        return resolution;
    }

    static RequestRecord fromItem(Map<String, AttributeValue> item) {
        OrderRequest request = new OrderRequest(string(item, "requestId"),
                Initiator.valueOf(string(item, "initiator")), CancelReason.valueOf(string(item, "reason")),
                Channel.valueOf(string(item, "via")), instant(item, "requestedAt"), string(item, "note"));
        Resolution resolution = null;
        if (item.containsKey("resolution")) {
            Map<String, AttributeValue> r = item.get("resolution").m();
            resolution = new Resolution(string(r, "by"), string(r, "resolution"), instant(r, "at"),
                    string(r, "note"));
        }
        String type = string(item, "requestType");
        return new RequestRecord(request, decision(item.get("decision").m()), string(item, "packRef"),
                RequestStatus.valueOf(string(item, STATUS)), instant(item, "decidedAt"), resolution,
                string(item, "fingerprint"), type == null ? RequestType.CANCELLATION : RequestType.valueOf(type));
    }

    private static Map<String, AttributeValue> decision(Decision d) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("outcome", s(d.outcome().name()));
        m.put("kind", s(d.kind().name()));
        if (d.respondBy() != null) {
            m.put("respondBy", Attrs.instant(d.respondBy()));
            m.put("ifNoResponse", s(d.ifNoResponse().name()));
        }
        m.put("countsAgainstSeller", AttributeValue.fromBool(d.countsAgainstSeller()));
        if (d.alternative() != null) {
            m.put("alternative", s(d.alternative()));
        }
        m.put("actions", AttributeValue.fromL(d.actions().stream().map(Attrs::s).toList()));
        m.put("rules", AttributeValue.fromL(d.rules().stream().map(r -> AttributeValue.fromM(Map.of(
                "id", s(r.id()), "pack", s(r.pack()), "source", s(r.source()), "basis", s(r.basis().name()))))
                .toList()));
        m.put("explanation", s(d.explanation()));
        m.put("costs", AttributeValue.fromL(d.costs().stream().map(RequestMapper::cost).toList()));
        if (d.platformReason() != null) {
            m.put("platformReason", s(d.platformReason()));
        }
        if (d.returnBy() != null) {
            m.put("returnBy", Attrs.instant(d.returnBy()));
        }
        m.put("metricImpact", AttributeValue.fromL(d.metricImpact().stream().map(i -> AttributeValue.fromM(Map.of(
                "metric", s(i.metric()), "window", s(i.window()), "before", number(i.before()),
                "after", number(i.after()), "threshold", number(i.threshold()),
                "breaches", AttributeValue.fromBool(i.breaches())))).toList()));
        return m;
    }

    private static Decision decision(Map<String, AttributeValue> m) {
        String ifNoResponse = string(m, "ifNoResponse");
        List<RuleRef> rules = m.get("rules").l().stream().map(AttributeValue::m)
                .map(r -> new RuleRef(string(r, "id"), string(r, "pack"), string(r, "source"),
                        r.containsKey("basis") ? Basis.valueOf(string(r, "basis")) : Basis.SITE)).toList();
        List<Cost> costs = m.get("costs").l().stream().map(AttributeValue::m).map(c -> new Cost(string(c, "kind"),
                string(c, "borneBy"), c.containsKey("percent") ? new BigDecimal(c.get("percent").n()) : null))
                .toList();
        List<MetricImpact> impact = m.get("metricImpact").l().stream().map(AttributeValue::m)
                .map(i -> new MetricImpact(string(i, "metric"), string(i, "window"), decimal(i, "before"),
                        decimal(i, "after"), decimal(i, "threshold"), i.get("breaches").bool())).toList();
        return new Decision(Outcome.valueOf(string(m, "outcome")), DecisionKind.valueOf(string(m, "kind")),
                instant(m, "respondBy"), ifNoResponse == null ? null : Outcome.valueOf(ifNoResponse),
                m.get("countsAgainstSeller").bool(), string(m, "alternative"),
                m.get("actions").l().stream().map(AttributeValue::s).toList(), rules, string(m, "explanation"), costs,
                string(m, "platformReason"), impact, instant(m, "returnBy"));
    }

    private static AttributeValue cost(Cost cost) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("kind", s(cost.kind()));
        m.put("borneBy", s(cost.borneBy()));
        if (cost.percentOfReferralFee() != null) {
            m.put("percent", AttributeValue.fromN(cost.percentOfReferralFee().toPlainString()));
        }
        return AttributeValue.fromM(m);
    }

    private static double decimal(Map<String, AttributeValue> map, String name) {
        return Double.parseDouble(map.get(name).n());
    }

    private static AttributeValue number(double value) {
        return AttributeValue.fromN(Double.toString(value));
    }
}
