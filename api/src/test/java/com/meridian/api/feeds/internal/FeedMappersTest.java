package com.meridian.api.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.meridian.api.feeds.FeedFormat;
import com.meridian.schemas.events.BankFeedTransaction.ChangeType;
import com.meridian.schemas.events.BankFeedTransaction.Status;
import com.meridian.schemas.events.EventJson;

/** Each format's fields and sign convention, mapped to the canonical record; a broken record is refused alone. */
class FeedMappersTest {

    @Test
    void plaidsPositiveAmountIsMoneyOutAndItsRemovalsNeedOnlyTheId() {
        List<FeedRecord> records = map(FeedFormat.PLAID, """
                {"added": [{"transaction_id": "p1", "account_id": "acc", "amount": 12.5, "iso_currency_code": "USD",
                            "date": "2026-11-02", "authorized_date": "2026-11-01", "pending": true,
                            "name": "STARBUCKS 1234", "merchant_name": "Starbucks"},
                           {"transaction_id": "p2", "account_id": "acc", "amount": -1000.00,
                            "iso_currency_code": "USD", "date": "2026-11-03", "name": "Payroll"}],
                 "modified": [{"transaction_id": "p3", "account_id": "acc", "amount": 0.1,
                               "iso_currency_code": "USD", "date": "2026-11-04", "name": "Fee"}],
                 "removed": [{"transaction_id": "p4", "account_id": "acc"}]}""");

        assertThat(records).extracting(FeedRecord::sourceTransactionId, FeedRecord::changeType, FeedRecord::amount)
                .containsExactly(tuple("p1", ChangeType.ADDED, "-12.5"), tuple("p2", ChangeType.ADDED, "1000.00"),
                        tuple("p3", ChangeType.MODIFIED, "-0.1"), tuple("p4", ChangeType.REMOVED, null));
        assertThat(records.get(0).status()).isEqualTo(Status.PENDING);
        assertThat(records.get(0).merchantName()).isEqualTo("Starbucks");
        assertThat(records.get(0).accountRef()).isEqualTo("acc");
    }

    @Test
    void openBankingTakesTheSignFromTheIndicatorAndTheOtherPartyAsCounterparty() {
        List<FeedRecord> records = map(FeedFormat.OPEN_BANKING, """
                {"Data": {"Transaction": [
                  {"AccountId": "22289", "TransactionId": "123", "CreditDebitIndicator": "Debit", "Status": "Booked",
                   "BookingDateTime": "2026-11-05T10:43:07+00:00", "Amount": {"Amount": "10.00", "Currency": "GBP"},
                   "TransactionInformation": "Cash from Aubrey", "CreditorAccount": {"Name": "Aubrey Ltd",
                   "Identification": "80200110203345"}, "BankTransactionCode": {"Code": "ReceivedCreditTransfer",
                   "SubCode": "DomesticCreditTransfer"}},
                  {"AccountId": "22289", "CreditDebitIndicator": "Credit", "Status": "Pending",
                   "BookingDateTime": "2026-11-06T00:30:00+01:00", "Amount": {"Amount": "5.50", "Currency": "GBP"},
                   "DebtorAccount": {"Name": "Mum"}},
                  {"AccountId": "22289", "CreditDebitIndicator": "Sideways", "Amount": {"Amount": "1", "Currency": "GBP"}}
                ]}}""");

        assertThat(records.get(0).amount()).isEqualByComparingTo("-10.00");
        assertThat(records.get(0).counterpartyName()).isEqualTo("Aubrey Ltd");
        assertThat(records.get(0).bookingDate()).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(records.get(0).bankTransactionCode()).isEqualTo("ReceivedCreditTransfer/DomesticCreditTransfer");
        assertThat(records.get(1).amount()).isEqualByComparingTo("5.50");
        assertThat(records.get(1).status()).isEqualTo(Status.PENDING);
        assertThat(records.get(1).sourceTransactionId()).isNull(); // optional in v3.1: the pipeline fingerprints it
        assertThat(records.get(1).bookingDate()).isEqualTo(LocalDate.of(2026, 11, 6)); // the bank's own date
        assertThat(records.get(2).isRejected()).isTrue();
        assertThat(records.get(2).rejectionCode()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void berlinGroupHasSignedAmountsBookedAndPendingAndTheAccountsIban() {
        List<FeedRecord> records = map(FeedFormat.BERLIN_GROUP, """
                {"account": {"iban": "DE2310010010123456789"},
                 "transactions": {
                   "booked": [{"transactionId": "1234567", "creditorName": "John Miles",
                               "creditorAccount": {"iban": "DE67100100101306118605"},
                               "transactionAmount": {"currency": "EUR", "amount": "-256.67"},
                               "bookingDate": "2026-11-03", "valueDate": "2026-11-03",
                               "remittanceInformationUnstructured": "Example 1",
                               "bankTransactionCode": "PMNT-ICDT-STDO"},
                              {"entryReference": "e-2", "debtorName": "Paul Simpson",
                               "transactionAmount": {"currency": "EUR", "amount": "343.01"},
                               "bookingDate": "2026-11-04", "remittanceInformationUnstructuredArray": ["Rent", "Nov"]}],
                   "pending": [{"transactionAmount": {"currency": "EUR", "amount": "-100.03"}, "valueDate": "2026-11-09",
                                "creditorName": "Claude Renault"}]}}""");

        assertThat(records).extracting(FeedRecord::accountRef).containsOnly("DE2310010010123456789");
        assertThat(records).extracting(FeedRecord::sourceTransactionId).containsExactly("1234567", "e-2", null);
        assertThat(records).extracting(FeedRecord::counterpartyName)
                .containsExactly("John Miles", "Paul Simpson", "Claude Renault");
        assertThat(records.get(0).amount()).isEqualByComparingTo("-256.67");
        assertThat(records.get(1).description()).isEqualTo("Rent Nov");
        assertThat(records.get(2).status()).isEqualTo(Status.PENDING);
        assertThat(records.get(2).bookingDate()).isEqualTo(LocalDate.of(2026, 11, 9));
    }

    @Test
    void meridianJsonIsTheCanonicalFieldsAndABrokenRecordIsRefusedAlone() {
        List<FeedRecord> records = map(FeedFormat.MERIDIAN, """
                {"transactions": [
                  {"sourceTransactionId": "m1", "status": "BOOKED", "bookingDate": "2026-11-01", "amount": "-4.20",
                   "currency": "EUR", "description": "Coffee"},
                  {"sourceTransactionId": "m2", "status": "BOOKED", "bookingDate": "01.11.2026", "amount": "-1",
                   "currency": "EUR"},
                  {"sourceTransactionId": "m3", "changeType": "UPSERTED"}]}""", "account-1");

        assertThat(records).extracting(FeedRecord::rejectionCode).containsExactly(null, "INVALID_DATE", "INVALID_FIELD");
        assertThat(records).extracting(FeedRecord::sourceTransactionId).containsExactly("m1", "m2", "m3");
        assertThat(records.get(0).accountRef()).isEqualTo("account-1");
        assertThat(new String(records.get(1).raw(), java.nio.charset.StandardCharsets.UTF_8)).contains("01.11.2026");
    }

    private static List<FeedRecord> map(FeedFormat format, String json) {
        return map(format, json, null);
    }

    private static List<FeedRecord> map(FeedFormat format, String json, String account) {
        return FeedMappers.map(format, EventJson.mapper().readTree(json), account);
    }

    private static org.assertj.core.groups.Tuple tuple(String id, ChangeType change, String amount) {
        return org.assertj.core.groups.Tuple.tuple(id, change, amount == null ? null : new java.math.BigDecimal(amount));
    }
}
