package com.orderguard.adapter.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The seller console in a real headless Chromium against the local gateway and DynamoDB Local: signing in with
 * the keyboard, an order's decisions with rules and sources, a what-if with its metric impact, a 4xx with its
 * field, approving a request, the seller's shops, a shop's health charts with their basis, and Swagger UI.
 * Screenshots go to target/console/.
 */
@QuarkusTest
@TestProfile(Profiles.Gateway.class)
class ConsoleBrowserTest {

    /** Signs in as {@code tenant} with the keyboard only: Tab to the tenant field, type, Enter. */
    static void signIn(Browser browser, String tenant) {
        browser.await(By.id("tenant"));
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        WebElement focused = browser.driver.switchTo().activeElement();
        assertThat(focused.getAttribute("id")).isEqualTo("tenant");
        focused.sendKeys(Keys.chord(Keys.CONTROL, "a"), tenant, Keys.ENTER);
        browser.await(By.cssSelector("nav[aria-label='Main']"));
    }

    @Test
    void anOrder_showsItsDecisions_aWhatIf_aFieldError_andTakesAnApproval() throws Exception {
        String token = GatewayClient.token("console-a");
        String key = ConsoleData.putOrder(token, "CON1", "shop-con", "SHIPMENT_ARRANGED", Duration.ofHours(20));
        ConsoleData.buyerRequest(token, key, "con-req-1");

        try (Browser browser = new Browser()) {
            browser.open(GatewayClient.BASE + "/#/orders/" + key);
            signIn(browser, "console-a");
            By request = By.cssSelector(".request[data-request-id='con-req-1']");
            browser.awaitText(request, "PENDING");
            assertThat(browser.all(By.cssSelector(".request .rules li a[href]"))).isNotEmpty();
            assertThat(browser.unlabelledControls()).isEmpty();
            browser.screenshot("order");

            new Select(browser.driver.findElement(By.name("reason"))).selectByVisibleText("OUT_OF_STOCK");
            browser.driver.findElement(By.xpath("//button[text()='What if']")).click();
            browser.await(By.cssSelector(".what-if-result table.impact tbody tr"));
            assertThat(browser.driver.findElement(By.cssSelector(".what-if-result")).getText())
                    .contains("Metric impact");
            browser.screenshot("order-what-if");

            browser.driver.findElement(By.xpath("//button[text()='Set hold']")).click();
            browser.await(By.cssSelector("[role=alert] code.field"));
            assertThat(browser.driver.findElement(By.cssSelector("[role=alert]")).getText()).contains("until");
            browser.screenshot("order-error");

            browser.driver.findElement(By.xpath("//button[normalize-space()='Approve con-req-1']")).click();
            browser.awaitText(request, "APPROVED");
            browser.awaitText(By.cssSelector(".timeline"), "CANCELLATION_RESOLVED");
            assertThat(browser.driver.findElement(By.cssSelector(".order-status")).getText()).isEqualTo("CANCELLED");
            browser.screenshot("order-approved");
        }
    }

    @Test
    void theShopsPage_listsTheSellersShops_andAShopsHealthWithItsBasis_andSwaggerUiShowsTheContract()
            throws Exception {
        String token = GatewayClient.token("console-b");
        ConsoleData.putOrder(token, "CON2", "shop-health", "AWAITING_SHIPMENT", Duration.ofHours(30));
        ConsoleData.putOrder(token, "PH", "CON3", "shop-ph", "AWAITING_SHIPMENT", Duration.ofHours(30));

        try (Browser browser = new Browser()) {
            browser.open(GatewayClient.BASE + "/#/shops");
            signIn(browser, "console-b");
            browser.await(By.cssSelector("table.shops tbody tr"));
            assertThat(browser.all(By.cssSelector("table.shops tbody tr")).stream()
                    .map(row -> row.getAttribute("data-shop")).toList())
                    .containsExactlyInAnyOrder("shopee MY shop-health", "shopee PH shop-ph");
            WebElement row = browser.driver.findElement(By.cssSelector("tr[data-shop='shopee MY shop-health']"));
            assertThat(row.getText()).contains("1 AWAITING_SHIPMENT").containsPattern("OK|AT_RISK|BREACHED");
            assertThat(browser.unlabelledControls()).isEmpty();
            browser.screenshot("shops");

            row.findElement(By.cssSelector("button")).click();
            browser.awaitText(By.cssSelector("h2.health-of"), "shopee MY shop-health");
            browser.await(By.cssSelector("section.metric canvas"));
            assertThat(browser.all(By.cssSelector("section.metric"))).hasSizeGreaterThan(1);
            assertThat(browser.driver.findElement(By.cssSelector(".penalty")).getText()).contains("Penalty points");
            assertThat(browser.driver.findElement(By.cssSelector(".basis")).getText()).contains("SITE");
            browser.screenshot("shop-health");

            browser.driver.findElement(By.cssSelector("tr[data-shop='shopee PH shop-ph'] button")).click();
            browser.awaitText(By.cssSelector("h2.health-of"), "shopee PH shop-ph");
            browser.awaitText(By.cssSelector(".basis.inherited"), "MARKETPLACE_DEFAULT");
            assertThat(browser.driver.findElement(By.cssSelector(".basis")).getText())
                    .contains("inherits shopee's defaults");
            browser.screenshot("shop-health-inherited");

            browser.open(GatewayClient.BASE + "/docs");
            browser.awaitText(By.cssSelector(".swagger-ui .info"), "OrderGuard API");
            browser.await(By.cssSelector(".swagger-ui .opblock"));
            browser.screenshot("docs");
        }
    }
}
