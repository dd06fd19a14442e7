package com.meridian.categorizer.training.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.meridian.categorizer.taxonomy.LabelMapping;

class CorrectionRowsTest {

    @Test
    void correctionsBecomeTrainingRowsUnderTheLabelTheirCategoryBelongsTo() {
        List<String> rows = Corpus.correctionRows(List.of(
                "GREEN LEAF STUDIO 11/03,-30.00,FOOD_AND_DRINK_GROCERIES",
                "ACME, INC PAYROLL,2500.00,INCOME_WAGES",
                "TRANSFER FROM SAVINGS,500,TRANSFER_IN_SAVINGS",
                "BLUE BOTTLE,-4.50,FOOD_AND_DRINK_COFFEE"));

        assertThat(rows).containsExactly(
                "debit green leaf studio 11/03,,Groceries",
                "credit acme  inc payroll,,Income",
                "credit transfer from savings,,Transfer");
    }

    @Test
    void aCategoryWiderThanEveryLabelHasNoLabel() {
        assertThat(LabelMapping.label("FOOD_AND_DRINK")).isEmpty();
        assertThat(LabelMapping.label("HOME_IMPROVEMENT_HARDWARE")).isEmpty();
        assertThat(LabelMapping.label("GENERAL_MERCHANDISE_ELECTRONICS")).contains("Shopping");
        assertThat(LabelMapping.label("RENT_AND_UTILITIES_RENT")).contains("Rent");
    }
}
