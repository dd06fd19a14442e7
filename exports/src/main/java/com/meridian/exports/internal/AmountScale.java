package com.meridian.exports.internal;

import java.util.Currency;
import java.util.Map;

/**
 * The scale of an export's amount column: the largest number of minor-unit digits among the export's
 * currencies (EUR 2, JPY 0, KWD 3), widened to the largest scale the data actually holds, so that no amount
 * is ever rounded on its way out.
 */
final class AmountScale {

    /** Currencies the JDK does not know (or that have no minor unit, like XAU) are shown with cents. */
    private static final int FALLBACK_DIGITS = 2;

    private AmountScale() {
    }

    /** @param maxScaleByCurrency for each currency in the export, the largest scale of its amounts */
    static int of(Map<String, Integer> maxScaleByCurrency) {
        int scale = 0;
        for (Map.Entry<String, Integer> entry : maxScaleByCurrency.entrySet()) {
            scale = Math.max(scale, Math.max(minorDigits(entry.getKey()), entry.getValue()));
        }
        return scale;
    }

    static int minorDigits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? FALLBACK_DIGITS : digits;
        } catch (IllegalArgumentException unknown) {
            return FALLBACK_DIGITS;
        }
    }
}
