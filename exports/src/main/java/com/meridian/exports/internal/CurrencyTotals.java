package com.meridian.exports.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;

import com.meridian.exports.ExportManifest.CurrencyTotal;

/** Row counts and exact sums of amounts per currency, never across currencies. */
final class CurrencyTotals {

    private final TreeMap<String, long[]> rows = new TreeMap<>();
    private final TreeMap<String, BigDecimal> sums = new TreeMap<>();

    void add(String currency, BigDecimal amount) {
        rows.computeIfAbsent(currency, c -> new long[1])[0]++;
        if (amount != null) {
            sums.merge(currency, amount, BigDecimal::add);
        }
    }

    List<CurrencyTotal> totals(int scale) {
        return rows.keySet().stream()
                .map(currency -> new CurrencyTotal(currency, rows.get(currency)[0],
                        sums.getOrDefault(currency, BigDecimal.ZERO).setScale(scale)))
                .toList();
    }
}
