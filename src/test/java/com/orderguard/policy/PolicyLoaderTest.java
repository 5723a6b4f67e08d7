package com.orderguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.support.Packs;

class PolicyLoaderTest {

    static final String COMMON = "{\"version\":\"2024-01-01\",\"rules\":[]}";

    @TempDir
    Path dir;

    PolicyCatalog load(String pack) throws IOException {
        Path policies = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(policies.resolve("index.json"),
                "{\"common\":\"common.json\",\"packs\":[\"test@2024-01-01.json\"]}");
        Files.writeString(policies.resolve("common.json"), COMMON);
        Files.writeString(policies.resolve("test@2024-01-01.json"), pack);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            return new PolicyLoader(new ObjectMapper(), loader).load();
        }
    }

    static String pack(String rules) {
        return "{\"id\":\"shopee-MY\",\"version\":\"2024-01-01\",\"title\":\"t\",\"marketplace\":\"shopee\","
                + "\"sites\":[\"MY\"],\"effectiveFrom\":\"2024-01-01T00:00:00+08:00\","
                + "\"timeZone\":\"Asia/Kuala_Lumpur\",\"rules\":[" + rules + "],"
                + "\"addressChangeRules\":[" + CATCH_ALL.replace("x.catch-all", "x.address-catch-all") + "]}";
    }

    static final String CATCH_ALL = "{\"id\":\"x.catch-all\",\"source\":\"s\",\"then\":{\"outcome\":\"REJECTED\","
            + "\"countsAgainstSeller\":false,\"explanation\":\"No path.\"}}";

    @Test
    void theShippedPacks_loadAndCoverTheReference() {
        assertThat(Packs.CATALOG.packs()).extracting(PolicyPack::ref).contains(
                "shopee-MY@2020-01-01", "shopee-MY@2024-11-13", "shopee-SG@2020-01-01", "shopee-SG@2025-02-12",
                "amazon-US@2020-09-30", "amazon-IN@2020-09-30", "amazon-EU@2020-09-30", "ozon-RU-FBS@2020-01-01",
                "ozon-RU-RFBS@2020-01-01", "lazada-SEA@2020-01-01", "tiktok-TH@2020-01-01");
        assertThat(Packs.CATALOG.packs()).allSatisfy(pack -> assertThat(pack.rules()).allSatisfy(rule -> {
            assertThat(rule.id()).isNotBlank();
            assertThat(rule.source()).isNotBlank();
        }));
    }

    @Test
    void aMinimalPack_loads() throws IOException {
        assertThat(load(pack(CATCH_ALL)).packs()).hasSize(1);
    }

    @Test
    void anUnknownOutcome_failsNamingFileAndField() {
        String rule = "{\"id\":\"x.a\",\"source\":\"s\",\"when\":{\"status\":[\"UNPAID\"]},\"then\":{\"outcome\":"
                + "\"MAYBE\",\"countsAgainstSeller\":false,\"explanation\":\"e\"}}";
        assertThatThrownBy(() -> load(pack(rule + "," + CATCH_ALL)))
                .isInstanceOf(PolicyPackException.class)
                .hasMessageContaining("policies/test@2024-01-01.json")
                .hasMessageContaining("rules[0].then.outcome must be one of APPROVED, PENDING_SELLER, REJECTED");
    }

    @Test
    void aPendingOutcomeWithoutDeadline_andAnUnknownCondition_areBothReported() {
        String rule = "{\"id\":\"x.a\",\"source\":\"s\",\"when\":{\"colour\":[\"red\"]},\"then\":{\"outcome\":"
                + "\"PENDING_SELLER\",\"countsAgainstSeller\":false,\"explanation\":\"e\"}}";
        assertThatThrownBy(() -> load(pack(rule + "," + CATCH_ALL)))
                .hasMessageContaining("rules[0].when.colour is not a known field")
                .hasMessageContaining("rules[0].then.respondWithin is required")
                .hasMessageContaining("rules[0].then.ifNoResponse is required");
    }

    @Test
    void aPackWithoutCatchAll_fails() {
        String rule = "{\"id\":\"x.a\",\"source\":\"s\",\"when\":{\"status\":[\"UNPAID\"]},\"then\":{\"outcome\":"
                + "\"APPROVED\",\"countsAgainstSeller\":false,\"explanation\":\"e\"}}";
        assertThatThrownBy(() -> load(pack(rule))).hasMessageContaining("the last DECIDE rule must have no 'when'");
    }

    @Test
    void aDuplicateRuleId_aMissingSource_andABadTimeZone_fail() {
        String broken = pack("{\"id\":\"x.catch-all\",\"then\":{\"outcome\":\"REJECTED\",\"countsAgainstSeller\":"
                + "false,\"explanation\":\"e\"}}," + CATCH_ALL).replace("Asia/Kuala_Lumpur", "Mars/Olympus");
        assertThatThrownBy(() -> load(broken))
                .hasMessageContaining("rules[0].source is required")
                .hasMessageContaining("timeZone must be a time zone id");
        assertThatThrownBy(() -> load(pack(CATCH_ALL + "," + CATCH_ALL))).hasMessageContaining("is used twice");
    }

    @Test
    void invalidJson_failsNamingTheFile() {
        assertThatThrownBy(() -> load("{\"id\": ")).hasMessageContaining("policies/test@2024-01-01.json")
                .hasMessageContaining("not valid JSON");
    }
}
