package com.meridian.categorizer.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MccCategoriesTest {

    @Test
    void specificCodesAndIsoRangesMapToStandardCategories() {
        assertThat(MccCategories.category("5411")).contains("FOOD_AND_DRINK_GROCERIES");
        assertThat(MccCategories.category("3058")).contains("TRAVEL_FLIGHTS");
        assertThat(MccCategories.category("3357")).contains("TRAVEL_RENTAL_CARS");
        assertThat(MccCategories.category("5651")).contains("GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES");
        assertThat(MccCategories.category("9999")).isEmpty();
        assertThat(MccCategories.category(null)).isEmpty();
        assertThat(MccCategories.category("54x1")).isEmpty();
    }

    @Test
    void anMccNarrowsAModelCategoryOfTheSameFamilyButNeverOverturnsIt() {
        assertThat(MccCategories.refine("GENERAL_MERCHANDISE", "5732")).isEqualTo("GENERAL_MERCHANDISE_ELECTRONICS");
        assertThat(MccCategories.refine("FOOD_AND_DRINK_RESTAURANT", "5814")).isEqualTo("FOOD_AND_DRINK_FAST_FOOD");
        assertThat(MccCategories.refine("GENERAL_MERCHANDISE", "5812")).isEqualTo("GENERAL_MERCHANDISE");
        assertThat(MccCategories.refine("TRANSFER_OUT", "6011")).isEqualTo("TRANSFER_OUT_WITHDRAWAL");
        assertThat(MccCategories.refine("TRANSFER_IN", "6011")).isEqualTo("TRANSFER_IN");
    }

    @Test
    void transfersTakeTheirDirectionFromTheAmount() {
        assertThat(LabelMapping.code("Transfer", new BigDecimal("250.00"))).isEqualTo("TRANSFER_IN");
        assertThat(LabelMapping.code("Transfer", new BigDecimal("-250.00"))).isEqualTo("TRANSFER_OUT");
        assertThat(LabelMapping.code("Groceries", null)).isEqualTo("FOOD_AND_DRINK_GROCERIES");
    }

    @Test
    void bankTransactionCodesThatStateTheKindOfBookingDecide() {
        assertThat(BankTransactionCodes.rule("PMNT/CCRD/CWDL", new BigDecimal("-100"))).get()
                .extracting(BankTransactionCodes.CodeRule::categoryCode).isEqualTo("TRANSFER_OUT_WITHDRAWAL");
        assertThat(BankTransactionCodes.rule("ACMT-MDOP-CHRG", new BigDecimal("-2.50"))).get()
                .extracting(BankTransactionCodes.CodeRule::categoryCode).isEqualTo("BANK_FEES");
        assertThat(BankTransactionCodes.rule("int", new BigDecimal("0.12"))).get()
                .extracting(BankTransactionCodes.CodeRule::categoryCode).isEqualTo("INCOME_INTEREST_EARNED");
        assertThat(BankTransactionCodes.rule("INT", new BigDecimal("-7.40"))).get()
                .extracting(BankTransactionCodes.CodeRule::categoryCode).isEqualTo("BANK_FEES_INTEREST_CHARGE");
        assertThat(BankTransactionCodes.rule("PMNT/RCDT/ESCT", BigDecimal.TEN)).isEmpty();
        assertThat(BankTransactionCodes.rule("DEBIT", BigDecimal.TEN)).isEmpty();
        assertThat(BankTransactionCodes.rule(null, BigDecimal.TEN)).isEmpty();
        assertThat(BankTransactionCodes.rule("PMNT/RCDT/SALA", BigDecimal.TEN).get().ruleId())
                .isEqualTo(BankTransactionCodes.rule("pmnt.rcdt.sala", BigDecimal.ONE).get().ruleId());
    }
}
