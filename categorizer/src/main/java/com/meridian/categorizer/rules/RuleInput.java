package com.meridian.categorizer.rules;

import com.meridian.categorizer.CategorizationInput;

/** A transaction as rules see it: its text fields folded at most once, however many rules look at them. */
final class RuleInput {

    private final CategorizationInput transaction;
    private String merchant;
    private String description;
    private String counterparty;

    RuleInput(CategorizationInput transaction) {
        this.transaction = transaction;
    }

    CategorizationInput transaction() {
        return transaction;
    }

    String raw(String field) {
        return switch (field) {
            case "merchant" -> transaction.merchantName();
            case "description" -> transaction.description();
            case "counterparty" -> transaction.counterpartyName();
            default -> null;
        };
    }

    String folded(String field) {
        return switch (field) {
            case "merchant" -> merchant == null ? merchant = CategoryRule.fold(transaction.merchantName()) : merchant;
            case "description" -> description == null
                    ? description = CategoryRule.fold(transaction.description()) : description;
            case "counterparty" -> counterparty == null
                    ? counterparty = CategoryRule.fold(transaction.counterpartyName()) : counterparty;
            default -> "";
        };
    }
}
