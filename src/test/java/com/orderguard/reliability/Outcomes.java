package com.orderguard.reliability;

import java.util.List;

/** Sorts differences between an expected and an actual store into lost effects, doubled effects and the rest. */
final class Outcomes {

    private Outcomes() {
    }

    /** Adds the differences to the ledger: a missing item or a smaller count is lost, a larger one doubled. */
    static void record(List<String> differences) {
        long lost = 0;
        long doubled = 0;
        long other = 0;
        for (String difference : differences) {
            String[] sides = difference.split("\n    vs ");
            String actual = sides[0].substring(sides[0].lastIndexOf(": ") + 2);
            String expected = sides.length > 1 ? sides[1] : "";
            if (actual.equals("null") || isNumber(actual) && isNumber(expected)
                    && Long.parseLong(actual) < Long.parseLong(expected)) {
                lost++;
            } else if (expected.equals("null") || isNumber(actual) && isNumber(expected)) {
                doubled++;
            } else {
                other++;
            }
        }
        Ledger.add(Ledger.LOST, lost);
        Ledger.add(Ledger.DOUBLED, doubled);
        Ledger.add(Ledger.VIOLATIONS, other);
    }

    private static boolean isNumber(String text) {
        return text.matches("\\d+");
    }
}
