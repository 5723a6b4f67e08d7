package com.orderguard.adapter.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The console's first page in a real headless Chromium: the attention inbox (GET /v1/attention) across three shops,
 * most urgent first; approving a pending request takes it out of the inbox and into the order's timeline.
 */
@QuarkusTest
@TestProfile(Profiles.Gateway.class)
class ConsoleInboxBrowserTest {

    @Test
    void ordersOfThreeShops_appearMostUrgentFirst_andAnApprovedRequestLeavesTheInbox() throws Exception {
        String token = GatewayClient.token("console-inbox");
        String late = ConsoleData.putOrder(token, "INB3", "shop-c", "AWAITING_SHIPMENT", Duration.ofHours(20));
        String soon = ConsoleData.putOrder(token, "INB1", "shop-a", "AWAITING_SHIPMENT", Duration.ofHours(5));
        String middle = ConsoleData.putOrder(token, "INB2", "shop-b", "SHIPMENT_ARRANGED", Duration.ofHours(10));
        ConsoleData.buyerRequest(token, middle, "inb-req-1");

        try (Browser browser = new Browser()) {
            browser.open(GatewayClient.BASE + "/");
            ConsoleBrowserTest.signIn(browser, "console-inbox");
            By pending = By.cssSelector(".attention[data-kind='REQUEST_PENDING'][data-order-key='" + middle + "']");
            browser.await(pending);
            List<String> shipBy = browser.all(By.cssSelector(".attention[data-kind='SHIP_BY']")).stream()
                    .map(item -> item.getAttribute("data-order-key")).toList();
            assertThat(shipBy).containsSubsequence(soon, middle, late);
            List<Instant> due = browser.all(By.cssSelector(".attention time")).stream()
                    .map(time -> Instant.parse(time.getAttribute("datetime"))).toList();
            assertThat(due).isSorted();
            assertThat(browser.all(By.cssSelector(".attention .shop")).stream().map(WebElement::getText).distinct())
                    .hasSizeGreaterThanOrEqualTo(3);
            assertThat(browser.unlabelledControls()).isEmpty();
            browser.screenshot("inbox");

            browser.driver.findElement(By.linkText(middle)).click();
            browser.await(By.xpath("//button[normalize-space()='Approve inb-req-1']")).click();
            browser.awaitText(By.cssSelector(".timeline"), "CANCELLATION_RESOLVED");

            browser.driver.findElement(By.linkText("Attention inbox")).click();
            browser.await(By.cssSelector(".attention[data-order-key='" + soon + "']"));
            assertThat(browser.all(pending)).isEmpty();
            assertThat(browser.all(By.cssSelector(".attention[data-order-key='" + middle + "']"))).isEmpty();
            browser.screenshot("inbox-after-approval");
        }
    }
}
