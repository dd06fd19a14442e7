package com.meridian.categorizer.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.meridian.categorizer.normalize.DescriptorNormalizer;

class IncomeKindsTest {

    private final DescriptorNormalizer normalizer = new DescriptorNormalizer();

    @Test
    void incomeThatNamesPayIsWagesInAnyOfTheLanguages() {
        for (String text : List.of("ACME CORP PAYROLL", "Salary November", "SEPA-Gutschrift Gehalt Musterfirma GmbH",
                "Salaris oktober Bakker BV", "VIR SEPA RECU /DE ACME SAS /MOTIF SALAIRE")) {
            assertThat(IncomeKinds.refine("INCOME", normalizer.normalize(text).tokens())).as(text)
                    .isEqualTo("INCOME_WAGES");
        }
    }

    @Test
    void otherIncomeAndOtherCategoriesAreLeftAlone() {
        assertThat(IncomeKinds.refine("INCOME", normalizer.normalize("US TREASURY 310 SOC SEC").tokens()))
                .isEqualTo("INCOME");
        assertThat(IncomeKinds.refine("TRANSFER_IN", normalizer.normalize("PAYROLL ADVANCE").tokens()))
                .isEqualTo("TRANSFER_IN");
    }
}
