package com.meridian.categorizer.rules;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import com.meridian.categorizer.CategorizationInput;

/**
 * One tenant rule from {@code category_rules}: every condition it sets must hold for it to fire.
 *
 * <p>Business rules: text conditions compare case-insensitively on the field they name (merchant,
 * description or counterparty), as {@code exact} (whole text, spaces collapsed), {@code contains} or
 * {@code regex} (found anywhere); amount bounds are inclusive and compare the absolute amount, in the rule's
 * currency when it names one; direction is {@code in} (amount > 0) or {@code out} (amount < 0).
 *
 * @param priority lower fires first; ties go to user rules, then to the older rule
 * @param source   {@code system}, {@code user} or {@code correction}
 */
public record CategoryRule(UUID ruleId, int priority, String source, String matchField, String matchType,
        String pattern, BigDecimal amountMin, BigDecimal amountMax, String currency, String direction, String mcc,
        UUID accountId, String categoryCode, Pattern compiled, String foldedPattern) {

    /** Builds a rule, compiling its pattern once. */
    public static CategoryRule of(UUID ruleId, int priority, String source, String matchField, String matchType,
            String pattern, BigDecimal amountMin, BigDecimal amountMax, String currency, String direction, String mcc,
            UUID accountId, String categoryCode) {
        return new CategoryRule(ruleId, priority, source, matchField, matchType, pattern, amountMin, amountMax,
                currency, direction, mcc, accountId, categoryCode, compile(matchType, pattern),
                pattern == null ? null : fold(pattern));
    }

    /** Whether this rule fires for {@code input}. */
    public boolean matches(CategorizationInput input) {
        return matches(new RuleInput(input));
    }

    /** Whether this rule fires for {@code input}, whose texts are folded once for all rules of a tenant. */
    boolean matches(RuleInput input) {
        CategorizationInput tx = input.transaction();
        return textMatches(input) && accountMatches(tx) && mccMatches(tx) && directionMatches(tx) && amountMatches(tx);
    }

    private boolean textMatches(RuleInput input) {
        if (matchField == null) {
            return true;
        }
        String raw = input.raw(matchField);
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (matchType) {
            case "exact" -> input.folded(matchField).equals(foldedPattern);
            case "contains" -> input.folded(matchField).contains(foldedPattern);
            case "regex" -> compiled.matcher(raw).find();
            default -> false;
        };
    }

    private boolean accountMatches(CategorizationInput input) {
        return accountId == null || accountId.equals(input.accountId());
    }

    private boolean mccMatches(CategorizationInput input) {
        return mcc == null || mcc.equals(input.mcc());
    }

    private boolean directionMatches(CategorizationInput input) {
        if (direction == null) {
            return true;
        }
        if (input.amount() == null || input.amount().signum() == 0) {
            return false;
        }
        return direction.equals(input.amount().signum() > 0 ? "in" : "out");
    }

    private boolean amountMatches(CategorizationInput input) {
        if (amountMin == null && amountMax == null && currency == null) {
            return true;
        }
        if (input.amount() == null || (currency != null && !currency.equals(input.currency()))) {
            return false;
        }
        BigDecimal size = input.amount().abs();
        return (amountMin == null || size.compareTo(amountMin) >= 0)
                && (amountMax == null || size.compareTo(amountMax) <= 0);
    }

    private static Pattern compile(String matchType, String pattern) {
        return "regex".equals(matchType) ? Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                : null;
    }

    /** Lower case, surrounding space removed, inner runs of white space as one space. */
    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
