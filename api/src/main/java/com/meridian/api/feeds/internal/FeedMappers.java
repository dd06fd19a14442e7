package com.meridian.api.feeds.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import com.meridian.api.feeds.FeedFormat;
import com.meridian.schemas.events.BankFeedTransaction.ChangeType;
import com.meridian.schemas.events.BankFeedTransaction.Status;
import com.meridian.schemas.events.EventJson;

import tools.jackson.databind.JsonNode;

/**
 * Maps each supported payload to {@link FeedRecord}s, one per transaction, in payload order. The field choices and
 * sign conventions follow the team's bank-formats notes: Plaid's positive amount is money out, Open Banking's amount
 * is unsigned with {@code CreditDebitIndicator}, Berlin Group's amount is signed; the counterparty is the other
 * side of the payment (the creditor of a debit, the debtor of a credit).
 */
public final class FeedMappers {

    private FeedMappers() {
    }

    /** The records of {@code payload}; {@code defaultAccount} names the account when the payload does not. */
    public static List<FeedRecord> map(FeedFormat format, JsonNode payload, String defaultAccount) {
        return switch (format) {
            case MERIDIAN -> each(payload.path("transactions"), 0, (node, index) -> meridian(node, index, defaultAccount));
            case PLAID -> plaid(payload, defaultAccount);
            case OPEN_BANKING -> each(payload.path("Data").path("Transaction"), 0,
                    (node, index) -> openBanking(node, index, defaultAccount));
            case BERLIN_GROUP -> berlinGroup(payload, defaultAccount);
        };
    }

    private static List<FeedRecord> plaid(JsonNode payload, String defaultAccount) {
        List<FeedRecord> records = new ArrayList<>();
        records.addAll(each(payload.path("added"), records.size(),
                (node, index) -> plaidTransaction(node, index, ChangeType.ADDED, defaultAccount)));
        records.addAll(each(payload.path("modified"), records.size(),
                (node, index) -> plaidTransaction(node, index, ChangeType.MODIFIED, defaultAccount)));
        records.addAll(each(payload.path("removed"), records.size(),
                (node, index) -> plaidRemoved(node, index, defaultAccount)));
        return records;
    }

    private static List<FeedRecord> berlinGroup(JsonNode payload, String defaultAccount) {
        String account = orElse(Json.text(payload.path("account"), "iban"), defaultAccount);
        List<FeedRecord> records = new ArrayList<>();
        JsonNode transactions = payload.path("transactions");
        records.addAll(each(transactions.path("booked"), records.size(),
                (node, index) -> berlinGroupTransaction(node, index, Status.BOOKED, account)));
        records.addAll(each(transactions.path("pending"), records.size(),
                (node, index) -> berlinGroupTransaction(node, index, Status.PENDING, account)));
        return records;
    }

    private static FeedRecord meridian(JsonNode node, int index, String defaultAccount) {
        String change = orElse(Json.text(node, "changeType"), "ADDED");
        String status = Json.text(node, "status");
        return new FeedRecord(index, raw(node), orElse(Json.text(node, "accountId"), defaultAccount),
                Json.text(node, "sourceTransactionId"), ChangeType.valueOf(change),
                status == null ? null : Status.valueOf(status), Json.date(node, "bookingDate"),
                Json.date(node, "valueDate"), node.has("amount") ? Json.decimal(node, "amount") : null,
                Json.text(node, "currency"), Json.text(node, "counterpartyName"),
                Json.text(node, "counterpartyAccount"), Json.text(node, "description"),
                Json.text(node, "merchantName"), Json.text(node, "mcc"), Json.text(node, "bankTransactionCode"), null,
                null);
    }

    private static FeedRecord plaidTransaction(JsonNode node, int index, ChangeType change, String defaultAccount) {
        if (Json.text(node, "iso_currency_code") == null && Json.text(node, "unofficial_currency_code") != null) {
            throw new FeedRecordException("UNSUPPORTED_CURRENCY", "only ISO 4217 currencies are accepted, not "
                    + Json.text(node, "unofficial_currency_code"));
        }
        BigDecimal plaidAmount = Json.decimal(node, "amount");
        String merchant = Json.text(node, "merchant_name");
        JsonNode counterparties = node.path("counterparties");
        String counterparty = counterparties.isArray() && !counterparties.isEmpty()
                ? Json.text(counterparties.get(0), "name") : merchant;
        String description = orElse(Json.text(node, "original_description"), Json.text(node, "name"));
        return new FeedRecord(index, raw(node), orElse(Json.text(node, "account_id"), defaultAccount),
                Json.required(node, "transaction_id"), change,
                node.path("pending").asBoolean(false) ? Status.PENDING : Status.BOOKED, Json.date(node, "date"),
                Json.date(node, "authorized_date"), plaidAmount.negate(), Json.required(node, "iso_currency_code"),
                counterparty, null, description, merchant, null, Json.text(node, "transaction_code"), null, null);
    }

    private static FeedRecord plaidRemoved(JsonNode node, int index, String defaultAccount) {
        return new FeedRecord(index, raw(node), orElse(Json.text(node, "account_id"), defaultAccount),
                Json.required(node, "transaction_id"), ChangeType.REMOVED, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    private static FeedRecord openBanking(JsonNode node, int index, String defaultAccount) {
        JsonNode amount = node.path("Amount");
        boolean debit = switch (Json.required(node, "CreditDebitIndicator")) {
            case "Debit" -> true;
            case "Credit" -> false;
            default -> throw new FeedRecordException("INVALID_FIELD", "CreditDebitIndicator must be Credit or Debit");
        };
        BigDecimal unsigned = Json.decimal(amount, "Amount");
        JsonNode counterparty = node.path(debit ? "CreditorAccount" : "DebtorAccount");
        JsonNode merchant = node.path("MerchantDetails");
        JsonNode code = node.path("BankTransactionCode");
        String bankCode = Json.text(code, "Code") == null ? Json.text(node.path("ProprietaryBankTransactionCode"), "Code")
                : Json.text(code, "Code") + "/" + orElse(Json.text(code, "SubCode"), "");
        return new FeedRecord(index, raw(node), orElse(Json.text(node, "AccountId"), defaultAccount),
                Json.text(node, "TransactionId"), ChangeType.ADDED,
                "Pending".equals(Json.text(node, "Status")) ? Status.PENDING : Status.BOOKED,
                Json.date(node, "BookingDateTime"), Json.date(node, "ValueDateTime"),
                debit ? unsigned.abs().negate() : unsigned.abs(), Json.required(amount, "Currency"),
                orElse(Json.text(merchant, "MerchantName"), Json.text(counterparty, "Name")),
                Json.text(counterparty, "Identification"), Json.text(node, "TransactionInformation"),
                Json.text(merchant, "MerchantName"), Json.text(merchant, "MerchantCategoryCode"), bankCode, null, null);
    }

    private static FeedRecord berlinGroupTransaction(JsonNode node, int index, Status status, String account) {
        JsonNode amount = node.path("transactionAmount");
        BigDecimal signed = Json.decimal(amount, "amount");
        boolean debit = signed.signum() < 0;
        String counterparty = Json.text(node, debit ? "creditorName" : "debtorName");
        String counterpartyIban = Json.text(node.path(debit ? "creditorAccount" : "debtorAccount"), "iban");
        JsonNode lines = node.path("remittanceInformationUnstructuredArray");
        String remittance = orElse(Json.text(node, "remittanceInformationUnstructured"),
                lines.isArray() && !lines.isEmpty() ? String.join(" ", lines.values().stream()
                        .map(JsonNode::asString).toList()) : Json.text(node, "additionalInformation"));
        return new FeedRecord(index, raw(node), account,
                orElse(Json.text(node, "transactionId"), Json.text(node, "entryReference")), ChangeType.ADDED, status,
                orElse(Json.date(node, "bookingDate"), orElse(Json.date(node, "transactionDate"),
                        Json.date(node, "valueDate"))),
                Json.date(node, "valueDate"), signed, Json.required(amount, "currency"), counterparty, counterpartyIban,
                remittance, null, Json.text(node, "merchantCategoryCode"),
                orElse(Json.text(node, "bankTransactionCode"), Json.text(node, "proprietaryBankTransactionCode")),
                null, null);
    }

    /** Maps every element of {@code array}; an element that cannot be mapped becomes a rejected record. */
    private static List<FeedRecord> each(JsonNode array, int firstIndex,
            BiFunction<JsonNode, Integer, FeedRecord> mapper) {
        List<FeedRecord> records = new ArrayList<>();
        if (!array.isArray()) {
            return records;
        }
        int index = firstIndex;
        for (JsonNode node : array.values()) {
            records.add(mapOne(node, index++, mapper));
        }
        return records;
    }

    private static FeedRecord mapOne(JsonNode node, int index, BiFunction<JsonNode, Integer, FeedRecord> mapper) {
        String sourceId = null;
        try {
            sourceId = node.isObject() ? firstId(node) : null;
            return mapper.apply(node, index);
        } catch (FeedRecordException e) {
            return FeedRecord.rejected(index, raw(node), sourceId, e.code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            // an enum value this contract does not know (changeType, status)
            return FeedRecord.rejected(index, raw(node), sourceId, "INVALID_FIELD", e.getMessage());
        }
    }

    private static String firstId(JsonNode node) {
        for (String field : List.of("sourceTransactionId", "transaction_id", "TransactionId", "transactionId",
                "entryReference")) {
            if (node.path(field).isString()) {
                return node.path(field).stringValue();
            }
        }
        return null;
    }

    private static byte[] raw(JsonNode node) {
        return EventJson.mapper().writeValueAsBytes(node);
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
