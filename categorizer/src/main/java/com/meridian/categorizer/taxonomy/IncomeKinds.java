package com.meridian.categorizer.taxonomy;

import java.util.List;

/**
 * Narrows a model's {@code INCOME} to {@code INCOME_WAGES} when the text names pay: the normalizer turns
 * "salary", "wages", "Gehalt", "Lohn", "Salaris", "Salaire"... into the word {@code payroll}, which is what the
 * labelled data's wage rows say. Income of any other kind (benefits, pensions, payouts) stays {@code INCOME}: the
 * labelled data does not tell them apart.
 */
public final class IncomeKinds {

    private static final String INCOME = "INCOME";

    private IncomeKinds() {
    }

    /** {@code INCOME_WAGES} for income whose normalized words name pay, else {@code code} unchanged. */
    public static String refine(String code, List<String> normalizedTokens) {
        return INCOME.equals(code) && normalizedTokens.contains("payroll") ? "INCOME_WAGES" : code;
    }
}
