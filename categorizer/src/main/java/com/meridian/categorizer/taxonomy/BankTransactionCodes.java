package com.meridian.categorizer.taxonomy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Built-in rules on the bank's own transaction code: when the code states what kind of booking it is (a cash
 * withdrawal, a fee, interest, a dividend, a salary), that is the bank's fact, not a guess from text, so it decides
 * before the model (after the tenant's rules).
 *
 * <p>Recognized: ISO 20022 bank transaction codes as {@code DOMAIN/FAMILY/SUBFAMILY} (or with {@code -} or
 * {@code .}), by sub-family: {@code CWDL} cash withdrawal, {@code CHRG}/{@code FEES}/{@code COMM} charges,
 * {@code INTR} interest, {@code DVDE} dividend, {@code SALA} salary; OFX {@code TRNTYPE}: {@code ATM}, {@code FEE},
 * {@code SRVCHG}, {@code INT}, {@code DIV}. BAI2 type codes are not used: their meaning varies by bank. Each rule
 * has a stable id derived from its name ({@link #ruleId}), so a decision can name the rule that fired.
 */
public final class BankTransactionCodes {

    private static final Map<String, String> ISO_SUBFAMILIES = Map.of("CWDL", "cash-withdrawal", "CHRG", "fee",
            "FEES", "fee", "COMM", "fee", "INTR", "interest", "DVDE", "dividend", "SALA", "salary");
    private static final Map<String, String> OFX_TYPES = Map.of("ATM", "cash-withdrawal", "FEE", "fee", "SRVCHG",
            "fee", "INT", "interest", "DIV", "dividend");

    private BankTransactionCodes() {
    }

    /** A built-in rule's decision: its stable id and the category. */
    public record CodeRule(UUID ruleId, String name, String categoryCode) {
    }

    /** The built-in rule {@code code} triggers for a transaction of {@code amount}, if any. */
    public static Optional<CodeRule> rule(String code, BigDecimal amount) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        String[] parts = upper.split("[/.\\-]");
        String kind = parts.length == 3 ? ISO_SUBFAMILIES.get(parts[2]) : OFX_TYPES.get(upper);
        if (kind == null) {
            return Optional.empty();
        }
        boolean in = amount != null && amount.signum() > 0;
        String category = switch (kind) {
            case "cash-withdrawal" -> in ? "TRANSFER_IN_DEPOSIT" : "TRANSFER_OUT_WITHDRAWAL";
            case "fee" -> "BANK_FEES";
            case "interest" -> in ? "INCOME_INTEREST_EARNED" : "BANK_FEES_INTEREST_CHARGE";
            case "dividend" -> "INCOME_DIVIDENDS";
            case "salary" -> "INCOME_WAGES";
            default -> throw new IllegalStateException(kind);
        };
        String name = "bank-code:" + kind + ":" + category;
        return Optional.of(new CodeRule(ruleId(name), name, category));
    }

    /** The stable id of a built-in rule. */
    public static UUID ruleId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
