package com.meridian.categorizer.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.meridian.categorizer.normalize.DescriptorNormalizer;

class EuropeanSupplementTest {

    private final DescriptorNormalizer normalizer = new DescriptorNormalizer();

    @Test
    void theEuropeanEvaluationSetsShareNoMerchantWithTheKnowledgeList() throws IOException {
        List<List<String>> evaluationLines = new ArrayList<>();
        for (String set : List.of("european-remittance.csv", "european-remittance-2.csv")) {
            evaluationLines.addAll(evaluationTokens(set));
        }
        List<String> shared = new ArrayList<>();
        for (EuropeanSupplement.Entry entry : EuropeanSupplement.entries(EuropeanSupplement.knowledgeLines())) {
            List<String> merchant = normalizer.normalize(entry.term()).tokens();
            if (entry.merchant() && evaluationLines.stream().anyMatch(l -> Collections.indexOfSubList(l, merchant) >= 0)) {
                shared.add(entry.term());
            }
        }

        assertThat(evaluationLines).hasSize(50 + 84);
        assertThat(shared).as("merchants in both the knowledge list and an evaluation set").isEmpty();
    }

    @Test
    void generationIsDeterministicAndEachEntryFeedsEitherTrainingOrCalibration() {
        EuropeanSupplement.Rows first = EuropeanSupplement.generate();
        EuropeanSupplement.Rows second = EuropeanSupplement.generate();

        assertThat(second).isEqualTo(first);
        Set<String> labels = first.train().stream().map(r -> r.substring(r.lastIndexOf(",,") + 2))
                .collect(Collectors.toSet());
        assertThat(labels).containsExactlyInAnyOrderElementsOf(Corpus.LABELS);
        for (EuropeanSupplement.Entry entry : EuropeanSupplement.entries(EuropeanSupplement.knowledgeLines())) {
            List<String> side = entry.calibration() ? first.train() : first.calibration();
            String term = " " + entry.term() + " ";
            if (entry.merchant()) {
                assertThat(side).as(entry.term()).noneMatch(r -> (" " + r.replace(",,", " ") + " ").contains(term));
            }
        }
        assertThat(first.train()).allMatch(r -> r.startsWith("debit ") || r.startsWith("credit "));
        assertThat(first.train()).filteredOn(r -> r.endsWith(",,Income")).allMatch(r -> r.startsWith("credit "));
    }

    @Test
    void aBadKnowledgeLineIsRefusedWithTheLine() {
        assertThatThrownBy(() -> EuropeanSupplement.entries(List.of("Groceries,de,shop,Lidl")))
                .hasMessageContaining("Groceries,de,shop,Lidl");
        assertThatThrownBy(() -> EuropeanSupplement.entries(List.of("Snacks,de,merchant,Lidl")))
                .hasMessageContaining("Snacks");
    }

    private List<List<String>> evaluationTokens(String set) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/categorizer/eval/" + set)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.substring(0, l.lastIndexOf(',', l.lastIndexOf(',') - 1)))
                    .map(text -> normalizer.normalize(text).tokens()).toList();
        }
    }
}
