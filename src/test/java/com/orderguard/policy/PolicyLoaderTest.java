package com.orderguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderguard.domain.decision.Basis;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.decision.Rule;
import com.orderguard.support.Packs;

class PolicyLoaderTest {

    static final String COMMON = "{\"version\":\"2024-01-01\",\"rules\":[]}";

    static final String CATCH_ALL = "{\"id\":\"x.catch-all\",\"source\":\"s\",\"then\":{\"outcome\":\"REJECTED\","
            + "\"countsAgainstSeller\":false,\"explanation\":\"No path.\"}}";

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

    /** Loads a base pack ({@code base@2024-01-01}, abstract) and one overlay on it ({@code test@2024-01-01}). */
    PolicyCatalog loadOverlay(String base, String overlay) throws IOException {
        Path policies = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(policies.resolve("index.json"), "{\"common\":\"common.json\",\"packs\":"
                + "[\"base@2024-01-01.json\",\"test@2024-01-01.json\"]}");
        Files.writeString(policies.resolve("common.json"), COMMON);
        Files.writeString(policies.resolve("base@2024-01-01.json"), base);
        Files.writeString(policies.resolve("test@2024-01-01.json"), overlay);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            return new PolicyLoader(new ObjectMapper(), loader).load();
        }
    }

    static final String BASE = "{\"id\":\"shopee\",\"version\":\"2024-01-01\",\"abstract\":true,\"title\":\"b\","
            + "\"marketplace\":\"shopee\",\"effectiveFrom\":\"2024-01-01T00:00:00+08:00\",\"rules\":["
            + "{\"id\":\"seller\",\"source\":\"{sources.help}\",\"when\":{\"initiator\":[\"SELLER\"]},\"then\":"
            + "{\"outcome\":\"PENDING_SELLER\",\"respondWithin\":\"P2D\",\"ifNoResponse\":\"APPROVED\","
            + "\"countsAgainstSeller\":false,\"explanation\":\"Within {respondWithin}.\"}},"
            + CATCH_ALL.replace("x.catch-all", "catch-all") + "],\"addressChangeRules\":["
            + CATCH_ALL.replace("x.catch-all", "address-catch-all") + "]}";

    static String overlay(String extendsRef, String rules) {
        return "{\"id\":\"shopee-MY\",\"version\":\"2024-01-01\",\"extends\":\"" + extendsRef + "\","
                + "\"title\":\"t\",\"sites\":[\"MY\"],\"timeZone\":\"Asia/Kuala_Lumpur\",\"rulePrefix\":\"shopee.my.\","
                + "\"sources\":{\"help\":\"help 1\"}" + (rules == null ? "" : ",\"rules\":" + rules) + "}";
    }

    static String pack(String rules) {
        return "{\"id\":\"shopee-MY\",\"version\":\"2024-01-01\",\"title\":\"t\",\"marketplace\":\"shopee\","
                + "\"sites\":[\"MY\"],\"effectiveFrom\":\"2024-01-01T00:00:00+08:00\","
                + "\"timeZone\":\"Asia/Kuala_Lumpur\",\"rules\":[" + rules + "],"
                + "\"addressChangeRules\":[" + CATCH_ALL.replace("x.catch-all", "x.address-catch-all") + "]}";
    }

    @Test
    void theShippedPacks_loadAndCoverTheReference() {
        assertThat(Packs.CATALOG.packs()).extracting(PolicyPack::ref).contains(
                "shopee-MY@2020-01-01", "shopee-MY@2024-11-13", "shopee-SG@2020-01-01", "shopee-SG@2025-02-12",
                "amazon-US@2020-09-30", "amazon-IN@2020-09-30", "amazon-EU@2020-09-30", "ozon-RU-FBS@2020-01-01",
                "ozon-RU-RFBS@2020-01-01", "lazada-PH@2020-01-01", "tiktok-TH@2020-01-01");
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
    void anOrderVolumeLimit_namesAMetricOfThePack_aPeriod_andPercentsUpTo100() {
        String metric = "{\"id\":\"lazada.cancellationRate\",\"windowDays\":28,\"endsDaysAgo\":8,"
                + "\"numerator\":\"CANCELLED_BY_SELLER\",\"denominator\":\"ORDERS\",\"threshold\":0.3,"
                + "\"limit\":\"AT_MOST\",\"minimumCount\":10,\"source\":\"s\"}";
        String health = ",\"health\":{\"metrics\":[" + metric + "],\"orderVolumeLimit\":{\"metric\":\"x.rate\","
                + "\"tiers\":[{\"from\":0.3,\"volumePercent\":120}],\"duration\":\"a week\",\"source\":\"s\"}}";
        String broken = pack(CATCH_ALL).replace(",\"rules\"", health + ",\"rules\"");
        assertThatThrownBy(() -> load(broken))
                .hasMessageContaining("health.orderVolumeLimit.metric must name a metric of this pack")
                .hasMessageContaining("health.orderVolumeLimit.tiers[0] needs from (a ratio) and volumePercent")
                .hasMessageContaining("health.orderVolumeLimit.duration must be an ISO period");
        String both = broken.replace("\"endsDaysAgo\":8", "\"endsDaysAgo\":8,\"excludeToday\":true");
        assertThatThrownBy(() -> load(both))
                .hasMessageContaining("health.metrics[0].endsDaysAgo must be from 0 to 30")
                .hasMessageContaining("and not beside excludeToday");
    }

    @Test
    void schemeWorkingHours_areDurationsPerScheme() throws IOException {
        String deadlines = ",\"deadlines\":{\"shipBy\":{\"hours\":\"PT48H\","
                + "\"schemeWorkingHours\":{\"CB\":\"PT48H\"},\"source\":\"s\"}}";
        PolicyPack pack = load(pack(CATCH_ALL).replace(",\"rules\"", deadlines + ",\"rules\"")).packs().get(0);
        assertThat(pack.deadlines().shipBy().schemeWorkingHours()).containsEntry("CB", Duration.ofHours(48));
        assertThatThrownBy(() -> load(pack(CATCH_ALL).replace(",\"rules\"",
                deadlines.replace("\"CB\":\"PT48H\"", "\"CB\":\"two days\"") + ",\"rules\"")))
                .hasMessageContaining("deadlines.shipBy.schemeWorkingHours.CB must be a positive ISO-8601 duration");
        String broken = deadlines.replace("\"source\":\"s\"}", "\"cutOff\":\"2pm\",\"source\":\"s\"},"
                + "\"weekendWorked\":{\"days\":[\"SABADO\"],\"source\":\"s\"}");
        assertThatThrownBy(() -> load(pack(CATCH_ALL).replace(",\"rules\"", broken + ",\"rules\"")))
                .hasMessageContaining("deadlines.shipBy.cutOff must be a local time such as 14:00")
                .hasMessageContaining("deadlines.weekendWorked.days[0] must be one of");
    }

    @Test
    void invalidJson_failsNamingTheFile() {
        assertThatThrownBy(() -> load("{\"id\": ")).hasMessageContaining("policies/test@2024-01-01.json")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void anOverlay_resolvesOverItsBase_withPrefixedIds_renderedPlaceholders_andItsChain() throws IOException {
        String add = "{\"add\":[{\"id\":\"buyer\",\"before\":\"seller\",\"source\":\"s\",\"when\":{\"initiator\":"
                + "[\"BUYER\"]},\"then\":{\"outcome\":\"APPROVED\",\"countsAgainstSeller\":false,\"explanation\":"
                + "\"Now.\"}}],\"change\":[{\"id\":\"seller\",\"then\":{\"respondWithin\":\"PT48H\"}}]}";
        PolicyPack pack = loadOverlay(BASE, overlay("shopee@2024-01-01", add)).packs().get(0);

        assertThat(pack.ref()).isEqualTo("shopee-MY@2024-01-01");
        assertThat(pack.chain()).containsExactly("shopee-MY@2024-01-01", "shopee@2024-01-01");
        assertThat(pack.rules()).extracting(Rule::id)
                .containsExactly("shopee.my.buyer", "shopee.my.seller", "shopee.my.catch-all");
        assertThat(pack.rules().get(1).source()).isEqualTo("help 1");
        assertThat(pack.rules().get(1).then().explanation()).isEqualTo("Within 48 hours.");
    }

    @Test
    void anUnknownParent_failsNamingFileAndField() {
        assertThatThrownBy(() -> loadOverlay(BASE, overlay("shopee@1999-01-01", null)))
                .hasMessageContaining("policies/test@2024-01-01.json")
                .hasMessageContaining("extends names no listed pack 'shopee@1999-01-01'");
    }

    @Test
    void aCycle_fails() {
        String base = BASE.replace("\"abstract\":true", "\"extends\":\"shopee-MY@2024-01-01\"");
        assertThatThrownBy(() -> loadOverlay(base, overlay("shopee@2024-01-01", null)))
                .hasMessageContaining("policies/base@2024-01-01.json: 'extends' forms a cycle: "
                        + "shopee@2024-01-01 -> shopee-MY@2024-01-01 -> shopee@2024-01-01");
    }

    @Test
    void removingOrReplacingARuleThatDoesNotExist_fails() {
        assertThatThrownBy(() -> loadOverlay(BASE, overlay("shopee@2024-01-01", "{\"remove\":[\"nope\"]}")))
                .hasMessageContaining("policies/test@2024-01-01.json")
                .hasMessageContaining("rules.remove[0] names no rule 'nope' of the parent pack");
        assertThatThrownBy(() -> loadOverlay(BASE, overlay("shopee@2024-01-01",
                "{\"replace\":[" + CATCH_ALL.replace("x.catch-all", "gone") + "]}")))
                .hasMessageContaining("rules.replace[0].id names no rule 'gone' of the parent pack");
        assertThatThrownBy(() -> loadOverlay(BASE, overlay("shopee@2024-01-01",
                "{\"add\":[" + CATCH_ALL.replace("x.catch-all", "seller") + "]}")))
                .hasMessageContaining("rules.add[0].id 'seller' is already a rule");
    }

    @Test
    void aChange_mayRenameARule_whosePlaceholdersFollowIt_butNotOntoAnIdInUse() throws IOException {
        String base = BASE.replace("\"explanation\":\"No path.\"}}", "\"explanation\":\"Not within "
                + "{rules.seller.then.respondWithin}.\"}}");
        String rename = "{\"change\":[{\"id\":\"seller\",\"rename\":\"seller-two-days\"}]}";
        PolicyPack pack = loadOverlay(base, overlay("shopee@2024-01-01", rename)).packs().get(0);

        assertThat(pack.rules()).extracting(Rule::id).containsExactly("shopee.my.seller-two-days",
                "shopee.my.catch-all");
        assertThat(pack.rules().get(1).then().explanation()).isEqualTo("Not within 2 days.");
        assertThatThrownBy(() -> loadOverlay(base, overlay("shopee@2024-01-01", rename.replace("seller-two-days",
                "catch-all"))))
                .hasMessageContaining("rules.change[0].rename must be a rule id no rule of the pack has");
    }

    @Test
    void anUnknownPlaceholder_failsNamingFileAndField() {
        String base = BASE.replace("Within {respondWithin}.", "Within {respondWithn}.");
        assertThatThrownBy(() -> loadOverlay(base, overlay("shopee@2024-01-01", null)))
                .hasMessageContaining("policies/test@2024-01-01.json (resolved over shopee@2024-01-01)")
                .hasMessageContaining("rules[0].then.explanation names an unknown placeholder {respondWithn}");
        assertThatThrownBy(() -> loadOverlay(BASE, overlay("shopee@2024-01-01", null)
                .replace("\"sources\":{\"help\":\"help 1\"}", "\"sources\":{}")))
                .hasMessageContaining("rules[0].source names an unknown placeholder {sources.help}");
    }

    @Test
    void theShippedOverlays_areSmall_andEveryPackNamesItsChain() throws IOException {
        for (PolicyPack pack : Packs.CATALOG.packs()) {
            assertThat(pack.chain()).hasSizeGreaterThan(1).first().isEqualTo(pack.ref());
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("policies/" + pack.ref() + ".json")) {
                assertThat(new String(in.readAllBytes()).lines().count()).as(pack.ref()).isLessThanOrEqualTo(60);
            }
        }
    }

    @Test
    void aSiteWithoutSources_inheritsTheBaseRules_asMarketplaceDefaults_namingTheInheritance() throws IOException {
        String change = "{\"change\":[{\"id\":\"seller\",\"source\":\"site page\"}]}";
        PolicyPack pack = loadOverlay(BASE, overlay("shopee@2024-01-01", change)
                .replace("\"sources\"", "\"basis\":\"MARKETPLACE_DEFAULT\",\"sources\"")).packs().get(0);

        assertThat(pack.rules()).extracting(Rule::id, Rule::basis).containsExactly(
                tuple("shopee.my.seller", Basis.SITE), tuple("shopee.my.catch-all", Basis.MARKETPLACE_DEFAULT));
        assertThat(pack.rules().get(0).source()).isEqualTo("site page");
        assertThat(pack.rules().get(1).source())
                .isEqualTo("s (no MY source found: shopee's default rule, inherited from shopee@2024-01-01)");
        assertThat(pack.healthBasis()).isEqualTo(Basis.MARKETPLACE_DEFAULT);
        assertThatThrownBy(() -> loadOverlay(BASE, overlay("shopee@2024-01-01", null)
                .replace("\"sources\"", "\"basis\":\"GUESS\",\"sources\"")))
                .hasMessageContaining("policies/test@2024-01-01.json")
                .hasMessageContaining("basis must be SITE or MARKETPLACE_DEFAULT");
    }
}
