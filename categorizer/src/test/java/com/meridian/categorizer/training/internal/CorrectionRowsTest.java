package com.meridian.categorizer.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.meridian.categorizer.corrections.TrainingCorrections;
import com.meridian.categorizer.corrections.TrainingCorrections.TrainingRow;
import com.meridian.tenancy.TenantId;

import com.meridian.categorizer.taxonomy.LabelMapping;

class CorrectionRowsTest {

    @Test
    void correctionsBecomeTrainingRowsUnderTheLabelTheirCategoryBelongsTo() {
        List<String> rows = Corpus.correctionRows(List.of(
                row("GREEN LEAF STUDIO 11/03", "-30.00", "FOOD_AND_DRINK_GROCERIES"),
                row("ACME, INC PAYROLL", "2500.00", "INCOME_WAGES"),
                row("TRANSFER FROM SAVINGS", "500", "TRANSFER_IN_SAVINGS"),
                row("BLUE BOTTLE", "-4.50", "FOOD_AND_DRINK_COFFEE")));

        assertThat(rows).containsExactly(
                "debit green leaf studio 11/03,,Groceries",
                "credit acme  inc payroll,,Income",
                "credit transfer from savings,,Transfer");
    }

    @Test
    void theExportFileRoundTripsAndABadLineIsRefusedWithItsNumber(@TempDir Path dir) throws IOException {
        List<TrainingRow> rows = List.of(row("ACME, INC PAYROLL", "2500.00", "INCOME_WAGES"),
                row("Miete November", "-950.00", "RENT_AND_UTILITIES_RENT"));
        Path file = dir.resolve("corrections.csv");

        TrainingCorrections.write(rows, file);

        assertThat(TrainingCorrections.read(file)).extracting(TrainingRow::text, TrainingRow::categoryCode)
                .containsExactly(tuple("ACME  INC PAYROLL", "INCOME_WAGES"), tuple("Miete November", "RENT_AND_UTILITIES_RENT"));
        assertThat(TrainingCorrections.read(file)).extracting(TrainingRow::correctionId)
                .containsExactlyElementsOf(rows.stream().map(TrainingRow::correctionId).toList());
        Files.writeString(file, "not-a-uuid,x,text,-1.00,RENT\n", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> TrainingCorrections.read(file)).hasMessageContaining("corrections line 4");
    }

    @Test
    void aCategoryWiderThanEveryLabelHasNoLabel() {
        assertThat(LabelMapping.label("FOOD_AND_DRINK")).isEmpty();
        assertThat(LabelMapping.label("HOME_IMPROVEMENT_HARDWARE")).isEmpty();
        assertThat(LabelMapping.label("GENERAL_MERCHANDISE_ELECTRONICS")).contains("Shopping");
        assertThat(LabelMapping.label("RENT_AND_UTILITIES_RENT")).contains("Rent");
    }

    private static TrainingRow row(String text, String amount, String code) {
        return new TrainingRow(TenantId.random(), UUID.randomUUID(), text, new BigDecimal(amount), code);
    }
}
