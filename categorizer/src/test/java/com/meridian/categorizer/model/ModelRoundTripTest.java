package com.meridian.categorizer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.meridian.categorizer.model.internal.MlpWeights;
import com.meridian.categorizer.model.internal.Vocabulary;
import com.meridian.categorizer.normalize.DescriptorNormalizer;
import com.meridian.categorizer.training.internal.Corpus;

class ModelRoundTripTest {

    @Test
    void weightsSurviveWriteAndReadBitForBit() throws IOException {
        MlpWeights weights = random(64, 8, 17);

        byte[] file = bytes(weights);
        MlpWeights read = MlpWeights.read(new ByteArrayInputStream(file));

        assertThat(read.w1()).containsExactly(weights.w1());
        assertThat(read.b1()).containsExactly(weights.b1());
        assertThat(read.w2()).containsExactly(weights.w2());
        assertThat(read.b2()).containsExactly(weights.b2());
        assertThat(bytes(read)).isEqualTo(file);
    }

    @Test
    void theVocabularyFollowsTheWeightsAndDecidesFamiliarityAndTemperature() throws IOException {
        byte[] file = modelFile(random(64, 8, 17), Vocabulary.of(List.of("rent", "payroll")));
        CategoryModel model = CategoryModel.of(metadata(CategoryModel.sha256(file)), file);
        DescriptorNormalizer normalizer = new DescriptorNormalizer();

        assertThat(model.familiarity(normalizer.normalize("RENT PAYROLL"))).isEqualTo(Familiarity.FAMILIAR);
        assertThat(model.familiarity(normalizer.normalize("RENT Hausverwaltung"))).isEqualTo(Familiarity.PARTLY);
        assertThat(model.familiarity(normalizer.normalize("Hausverwaltung Schmidt"))).isEqualTo(Familiarity.UNFAMILIAR);
        assertThat(model.familiarity(normalizer.normalize("REWE Sonnenallee"))).as("a known brand is known")
                .isEqualTo(Familiarity.PARTLY);
        assertThat(model.metadata().temperature(Familiarity.UNFAMILIAR)).isEqualTo(3.0);
        assertThat(model.metadata().temperature(Familiarity.FAMILIAR)).as("no own temperature: the overall one")
                .isEqualTo(1.0);
        var features = model.features(normalizer.normalize("Hausverwaltung Schmidt"), null);
        double[] sure = model.probabilities(features, Familiarity.FAMILIAR, model.newScratch());
        double[] unsure = model.probabilities(features, Familiarity.UNFAMILIAR, model.newScratch());
        assertThat(max(unsure)).isLessThan(max(sure));
    }

    @Test
    void aModelFileWithoutItsVocabularyIsRefused() throws IOException {
        byte[] file = bytes(random(64, 8, 17));

        assertThatThrownBy(() -> CategoryModel.of(metadata(CategoryModel.sha256(file)), file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no vocabulary");
    }

    @Test
    void aModelWhoseWeightsDoNotMatchItsMetadataIsRefused() throws IOException {
        byte[] file = modelFile(random(64, 8, 17), Vocabulary.of(List.of()));
        ModelMetadata metadata = metadata(CategoryModel.sha256(file));
        file[100] ^= 1;

        assertThatThrownBy(() -> CategoryModel.of(metadata, file)).hasMessageContaining("digest");
    }

    @Test
    void theRegistrySwapsModelsWhole() throws IOException {
        byte[] file = modelFile(random(64, 8, 17), Vocabulary.of(List.of()));
        CategoryModel first = CategoryModel.of(metadata(CategoryModel.sha256(file)), file);
        ModelRegistry registry = new ModelRegistry(first);

        CategoryModel previous = registry.replace("classpath:categorizer/model.json");

        assertThat(previous).isSameAs(first);
        assertThat(registry.current().version()).startsWith("pfc1-mlp-");
        assertThatThrownBy(() -> registry.replace("classpath:categorizer/missing.json"))
                .hasMessageContaining("cannot read model");
        assertThat(registry.current().version()).startsWith("pfc1-mlp-");
    }

    private static ModelMetadata metadata(String digest) {
        return new ModelMetadata("test", "plaid-pfc-v1", Corpus.LABELS, Corpus.LABELS, 64, 8, 1.0,
                Map.of(Familiarity.UNFAMILIAR.name(), 3.0), "none", digest, Map.of());
    }

    private static MlpWeights random(int inputs, int hidden, int classes) {
        Random r = new Random(1);
        return new MlpWeights(inputs, hidden, classes, floats(r, inputs * hidden), floats(r, hidden),
                floats(r, hidden * classes), floats(r, classes));
    }

    private static float[] floats(Random r, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) r.nextGaussian();
        }
        return f;
    }

    private static double max(double[] p) {
        return java.util.Arrays.stream(p).max().orElseThrow();
    }

    private static byte[] modelFile(MlpWeights w, Vocabulary vocabulary) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(out);
        vocabulary.write(out);
        return out.toByteArray();
    }

    private static byte[] bytes(MlpWeights w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(out);
        return out.toByteArray();
    }
}
