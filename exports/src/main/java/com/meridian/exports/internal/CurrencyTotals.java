package com.meridian.exports.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;

import com.meridian.exports.ExportManifest.CurrencyTotal;

/** Row counts and exact sums of amounts per currency, never across currencies. */
final class CurrencyTotals {

    private final TreeMap<String, long[]> rows = new TreeMap<>();
    private final TreeMap<String, BigDecimal> sums = new TreeMap<>();

    /** Totals that continue from {@code earlier} (rows and exact sums per currency). */
    static CurrencyTotals of(List<CurrencyTotal> earlier) {
        CurrencyTotals totals = new CurrencyTotals();
        for (CurrencyTotal total : earlier) {
            totals.rows.put(total.currency(), new long[] {total.rows()});
            totals.sums.put(total.currency(), total.amount());
        }
        return totals;
    }

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
