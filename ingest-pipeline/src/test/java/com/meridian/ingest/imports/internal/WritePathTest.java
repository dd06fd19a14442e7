package com.meridian.ingest.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.meridian.ingest.imports.StatementEntry;

class WritePathTest {

    private static final UUID ACCOUNT = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @Test
    void anUploadInDateOrderWithoutBankIdsGoesStraightIntoTransactions() {
        assertThat(choose(true, entry("2026-11-02", null, null), entry("2026-11-02", null, null),
                entry("2026-11-05", null, null))).isEqualTo(WritePath.DIRECT);
        assertThat(choose(true, entry("2026-11-05", null, null), entry("2026-11-02", null, null),
                entry("2026-11-02", null, null))).as("newest first").isEqualTo(WritePath.DIRECT);
    }

    @Test
    void datesGoingBackAndForthAreStaged() {
        assertThat(choose(true, entry("2026-11-02", null, null), entry("2026-11-05", null, null),
                entry("2026-11-03", null, null))).isEqualTo(WritePath.STAGED);
    }

    @Test
    void bankIdsAreStagedBecauseTheirAmbiguityIsJudgedOverTheWholeUpload() {
        assertThat(choose(true, entry("2026-11-02", "REF-1", null))).isEqualTo(WritePath.STAGED);
    }

    @Test
    void pendingEntriesAreStagedBecauseTheMergeChecksThemAgainstFinalBookings() {
        StatementEntry pending = new StatementEntry(0, "Stmt 1 / :61: 1", null, null, LocalDate.parse("2026-11-02"), null,
                new BigDecimal("-2.50"), "EUR", "Cafe", null, "Coffee", null, true);

        assertThat(choose(true, pending)).isEqualTo(WritePath.STAGED);
    }

    @Test
    void withoutAGivenAccountTheFileMustNameOneAccount() {
        assertThat(choose(false, entry("2026-11-02", null, "DE89"), entry("2026-11-03", null, "DE89")))
                .isEqualTo(WritePath.DIRECT);
        assertThat(choose(false, entry("2026-11-02", null, "DE89"), entry("2026-11-03", null, "NL91")))
                .isEqualTo(WritePath.STAGED);
        assertThat(choose(true, entry("2026-11-02", null, "DE89"), entry("2026-11-03", null, "NL91")))
                .as("the given account wins over the file's").isEqualTo(WritePath.DIRECT);
    }

    @Test
    void occurrencesCountIdenticalBookingsOfADayAndStartAgainOnTheNextDay() {
        Occurrences occurrences = new Occurrences();
        StagedEntry coffee = new StagedEntry(entry("2026-11-02", null, null), ACCOUNT, "coffee");

        assertThat(occurrences.next(coffee)).isZero();
        assertThat(occurrences.next(new StagedEntry(entry("2026-11-02", null, null), ACCOUNT, "tea"))).isZero();
        assertThat(occurrences.next(coffee)).isEqualTo(1);
        assertThat(occurrences.next(new StagedEntry(entry("2026-11-03", null, null), ACCOUNT, "coffee"))).isZero();
    }

    private static WritePath choose(boolean accountGiven, StatementEntry... entries) {
        WritePath.Choice choice = new WritePath.Choice(accountGiven);
        for (StatementEntry entry : entries) {
            choice.observe(entry);
        }
        return choice.path();
    }

    private static StatementEntry entry(String date, String bankId, String account) {
        return new StatementEntry(0, "line 2", account, bankId, LocalDate.parse(date), null, new BigDecimal("-2.50"),
                "EUR", "Cafe", null, "Coffee", null, false);
    }
}
