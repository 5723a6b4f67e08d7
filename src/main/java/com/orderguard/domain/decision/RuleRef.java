package com.orderguard.domain.decision;

/** A rule that fired: its id, the pack version it belongs to ({@code shopee-MY@2024-11-13}) and its source. */
public record RuleRef(String id, String pack, String source) {
}
