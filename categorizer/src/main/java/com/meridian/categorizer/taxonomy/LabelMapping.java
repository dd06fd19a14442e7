package com.meridian.categorizer.taxonomy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the 17 labels of the labelled training data map onto the standard (Plaid PFC v1) taxonomy.
 *
 * <p>Business rule: a label maps to the most specific standard category that is still true for every
 * transaction carrying it (Groceries is {@code FOOD_AND_DRINK_GROCERIES}, but Shopping can only be
 * {@code GENERAL_MERCHANDISE}). Transfer has no direction in the label; the taxonomy splits it, so the
 * transaction's sign decides between {@code TRANSFER_IN} and {@code TRANSFER_OUT}.
 */
public final class LabelMapping {

    public static final String TAXONOMY_VERSION = "plaid-pfc-v1";
    public static final String TRANSFER = "Transfer";

    private static final Map<String, String> CODES = codes();

    private LabelMapping() {
    }

    /** The standard category code of {@code label} for a transaction of {@code amount} (null: unknown sign). */
    public static String code(String label, BigDecimal amount) {
        if (TRANSFER.equals(label)) {
            return amount != null && amount.signum() > 0 ? "TRANSFER_IN" : "TRANSFER_OUT";
        }
        String code = CODES.get(label);
        if (code == null) {
            throw new IllegalArgumentException("no standard category for label " + label);
        }
        return code;
    }

    /**
     * The training label of a standard category, for turning corrections into training rows: the label whose code
     * it is or lies under (FOOD_AND_DRINK_GROCERIES is Groceries, TRANSFER_IN_DEPOSIT is Transfer); empty when the
     * category is wider than any label or falls under none (FOOD_AND_DRINK_COFFEE, HOME_IMPROVEMENT).
     */
    public static java.util.Optional<String> label(String code) {
        if (code.startsWith("TRANSFER_IN") || code.startsWith("TRANSFER_OUT")) {
            return java.util.Optional.of(TRANSFER);
        }
        // the most specific label wins: RENT_AND_UTILITIES_RENT is Rent, not Utilities (RENT_AND_UTILITIES)
        return CODES.entrySet().stream()
                .filter(e -> code.equals(e.getValue()) || code.startsWith(e.getValue() + "_"))
                .max(java.util.Comparator.comparingInt(e -> e.getValue().length()))
                .map(Map.Entry::getKey);
    }

    /** Every label with its code (Transfer shown as money out). */
    public static Map<String, String> all() {
        return CODES;
    }

    private static Map<String, String> codes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Education", "GENERAL_SERVICES_EDUCATION");
        m.put("Entertainment", "ENTERTAINMENT");
        m.put("Fees", "BANK_FEES");
        m.put("Groceries", "FOOD_AND_DRINK_GROCERIES");
        m.put("Healthcare", "MEDICAL");
        m.put("Income", "INCOME");
        m.put("Insurance", "GENERAL_SERVICES_INSURANCE");
        m.put("Mortgage", "LOAN_PAYMENTS_MORTGAGE_PAYMENT");
        m.put("Personal Care", "PERSONAL_CARE");
        m.put("Rent", "RENT_AND_UTILITIES_RENT");
        m.put("Restaurants", "FOOD_AND_DRINK_RESTAURANT");
        m.put("Shopping", "GENERAL_MERCHANDISE");
        m.put("Subscription", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES");
        m.put(TRANSFER, "TRANSFER_OUT");
        m.put("Transportation", "TRANSPORTATION");
        m.put("Travel", "TRAVEL");
        m.put("Utilities", "RENT_AND_UTILITIES");
        return Map.copyOf(m);
    }
}
