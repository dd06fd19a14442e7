package com.meridian.categorizer.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.meridian.categorizer.model.CategoryModel;
import com.meridian.categorizer.model.ModelMetadata;
import com.meridian.categorizer.model.ModelRegistry;
import com.meridian.categorizer.model.internal.FeatureHasher;
import com.meridian.categorizer.training.internal.Corpus;
import com.meridian.categorizer.training.internal.Evaluation;
import com.meridian.categorizer.training.internal.LabelledExample;
import com.meridian.categorizer.training.internal.MlpTrainer;

/**
 * The shipped model is the training command's output on today's sources: its metadata names the digest of the
 * corpus and settings it was trained from, and its reported held-out figures are reproduced by the shipped
 * weights with today's normalizer and features. A change to the data, the settings or the feature code without
 * retraining ({@code categorizer/train.sh}) fails here.
 */
class ShippedModelTest {

    private final CategoryModel model = new ModelRegistry("classpath:categorizer/model.json").current();
    private final ModelMetadata metadata = model.metadata();

    @Test
    void theShippedModelWasTrainedFromTheseSourcesAndSettings() {
        Corpus corpus = corpus();

        assertThat(metadata.trainingDataDigest()).isEqualTo(corpus.digest());
        assertThat(metadata.labels()).isEqualTo(corpus.labels());
        assertThat(metadata.version()).isEqualTo("pfc1-mlp-" + metadata.weightsDigest().substring(0, 12));
    }

    @Test
    void theShippedWeightsReproduceTheReportedHeldOutFigures() {
        Corpus corpus = corpus();
        List<LabelledExample> test = corpus.test();
        int[] truth = test.stream().mapToInt(LabelledExample::label).toArray();
        int[] predicted = new int[truth.length];
        double[] confidence = new double[truth.length];
        CategoryModel.Scratch scratch = model.newScratch();
        for (int i = 0; i < truth.length; i++) {
            double[] p = model.probabilities(test.get(i).features(), model.familiarity(test.get(i).descriptor()),
                    scratch);
            predicted[i] = Evaluation.argmax(p);
            confidence[i] = p[predicted[i]];
        }
        Evaluation evaluation = new Evaluation(corpus.labels(), truth, predicted, confidence);

        assertThat(test).hasSize(((Number) metadata.evaluation().get("testRows")).intValue());
        assertThat(round(evaluation.accuracy())).isEqualTo(metadata.evaluation().get("accuracy"));
        assertThat(round(evaluation.macroF1())).isEqualTo(metadata.evaluation().get("macroF1"));
        assertThat(round(evaluation.expectedCalibrationError())).isEqualTo(metadata.evaluation().get("ece"));
    }

    @Test
    void theShippedWeightsReproduceTheReportedEuropeanFigures() {
        Corpus corpus = corpus();

        for (var set : java.util.Map.of("european", corpus.european(), "europeanSecond", corpus.europeanSecond())
                .entrySet()) {
            Evaluation e = TrainCategorizerCommand.evaluation(corpus.labels(), model, set.getValue());
            assertThat(round(e.accuracy())).as(set.getKey()).isEqualTo(metadata.evaluation().get(set.getKey() + "Accuracy"));
            assertThat(round(e.expectedCalibrationError())).as(set.getKey())
                    .isEqualTo(metadata.evaluation().get(set.getKey() + "Ece"));
        }
    }

    private Corpus corpus() {
        MlpTrainer.Settings s = TrainCategorizerCommand.DEFAULT_SETTINGS;
        MlpTrainer.Settings shipped = new MlpTrainer.Settings(metadata.dimensions(), metadata.hidden(), s.epochs(),
                s.batchSize(), s.learningRate(), s.l2(), s.seed());
        return Corpus.load(TrainingCorpus.dir(), new FeatureHasher(metadata.dimensions()), 0, shipped.describe());
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
