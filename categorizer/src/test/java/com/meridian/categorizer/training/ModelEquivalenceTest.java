package com.meridian.categorizer.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import com.meridian.categorizer.model.CategoryModel;
import com.meridian.categorizer.model.ModelMetadata;
import com.meridian.categorizer.model.ModelRegistry;
import com.meridian.categorizer.model.internal.FeatureHasher;
import com.meridian.categorizer.model.internal.MlpWeights;
import com.meridian.categorizer.training.internal.Corpus;
import com.meridian.categorizer.training.internal.Evaluation;
import com.meridian.categorizer.training.internal.LabelledExample;
import com.meridian.categorizer.training.internal.MlpTrainer;

/**
 * The runtime scores outside DL4J (a plain-Java forward pass, see docs/benchmarks.md); this proves it gives DL4J's
 * outputs, and that the training command is deterministic and writes a model the runtime loads.
 */
class ModelEquivalenceTest {

    private static final int SAMPLE = 12_000;

    @Test
    void thePlainJavaForwardPassGivesDl4jsProbabilitiesOnALargeSample() throws IOException {
        ModelMetadata metadata = new ModelRegistry("classpath:categorizer/model.json").current().metadata();
        byte[] file;
        try (InputStream in = getClass().getResourceAsStream("/categorizer/model.bin")) {
            file = in.readAllBytes();
        }
        CategoryModel model = CategoryModel.of(metadata, file);
        MultiLayerNetwork dl4j = MlpTrainer.restore(settings(metadata), MlpWeights.read(new ByteArrayInputStream(file)));
        List<LabelledExample> sample = sample(metadata);

        double maxDifference = 0;
        int sameCategory = 0;
        for (int from = 0; from < sample.size(); from += 500) {
            List<LabelledExample> batch = sample.subList(from, Math.min(sample.size(), from + 500));
            INDArray out = dl4j.output(MlpTrainer.dense(batch, metadata.dimensions()));
            for (int r = 0; r < batch.size(); r++) {
                double[] expected = out.getRow(r).toDoubleVector();
                double[] actual = CategoryModel.softmax(model.logits(batch.get(r).features()), 1.0, new double[17]);
                for (int c = 0; c < expected.length; c++) {
                    maxDifference = Math.max(maxDifference, Math.abs(expected[c] - actual[c]));
                }
                sameCategory += Evaluation.argmax(expected) == Evaluation.argmax(actual) ? 1 : 0;
            }
        }

        assertThat(sample).hasSize(SAMPLE);
        assertThat(sameCategory).isEqualTo(SAMPLE);
        assertThat(maxDifference).isLessThan(1e-5);
    }

    @Test
    void theTrainingCommandIsDeterministicAndWritesALoadableModel(@TempDir Path dir) throws IOException {
        MlpTrainer.Settings small = new MlpTrainer.Settings(1024, 16, 1, 64, 0.003, 1e-5, 42);

        TrainCategorizerCommand.Result first = TrainCategorizerCommand.run(TrainingCorpus.dir(), small, 1500);
        TrainCategorizerCommand.Result second = TrainCategorizerCommand.run(TrainingCorpus.dir(), small, 1500);
        first.write(dir);

        assertThat(second.metadata()).isEqualTo(first.metadata());
        assertThat(second.weights()).isEqualTo(first.weights());
        assertThat(second.report()).isEqualTo(first.report());
        CategoryModel loaded = new ModelRegistry("file:" + dir.resolve("model.json")).current();
        assertThat(loaded.version()).isEqualTo(first.metadata().version());
        assertThat(Files.readString(dir.resolve("evaluation.md"))).contains("TF-IDF + logistic regression");
    }

    private static List<LabelledExample> sample(ModelMetadata metadata) {
        MlpTrainer.Settings s = settings(metadata);
        Corpus corpus = Corpus.load(TrainingCorpus.dir(), new FeatureHasher(s.dimensions()), 0, s.describe());
        List<LabelledExample> all = new ArrayList<>(corpus.test());
        all.addAll(corpus.calibration());
        all.addAll(corpus.bankFormats());
        all.addAll(corpus.train());
        return all.subList(0, SAMPLE);
    }

    private static MlpTrainer.Settings settings(ModelMetadata metadata) {
        MlpTrainer.Settings d = TrainCategorizerCommand.DEFAULT_SETTINGS;
        return new MlpTrainer.Settings(metadata.dimensions(), metadata.hidden(), d.epochs(), d.batchSize(),
                d.learningRate(), d.l2(), d.seed());
    }
}
