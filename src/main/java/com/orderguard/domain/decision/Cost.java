package com.orderguard.domain.decision;

import java.math.BigDecimal;

/**
 * A cost the decision puts on someone: e.g. return shipping borne by the seller, or Amazon.in's cancellation fee
 * as a percentage of the referral fee ({@code percentOfReferralFee}, null when not a fee).
 */
public record Cost(String kind, String borneBy, BigDecimal percentOfReferralFee) {
}
