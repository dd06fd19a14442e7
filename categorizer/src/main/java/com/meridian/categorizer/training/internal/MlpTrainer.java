package com.meridian.categorizer.training.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.meridian.categorizer.model.internal.MlpWeights;
import com.meridian.categorizer.model.internal.SparseVector;

/**
 * Trains the categorization network with Deeplearning4j: hashed features, one ReLU hidden layer, softmax output,
 * cross-entropy, Adam. Deterministic for a given seed and data order (one thread, fixed shuffles), and logs its
 * progress (examples done, rate, estimate) as it goes.
 */
public final class MlpTrainer {

    private static final Logger log = LoggerFactory.getLogger(MlpTrainer.class);

    /** Shape and schedule of a training run. */
    public record Settings(int dimensions, int hidden, int epochs, int batchSize, double learningRate, double l2,
            long seed) {

        public String describe() {
            return "features=hashed-words-bigrams-chargrams3-5,dims=" + dimensions + ",hidden=" + hidden + ",epochs="
                    + epochs + ",batch=" + batchSize + ",lr=" + learningRate + ",l2=" + l2 + ",seed=" + seed;
        }
    }

    private final Settings settings;

    public MlpTrainer(Settings settings) {
        this.settings = settings;
    }

    /** Builds the (untrained) network; also used to load exported weights back into DL4J. */
    public static MultiLayerNetwork network(Settings s, int classes) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(s.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(s.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .l2(s.l2())
                .list()
                .layer(new DenseLayer.Builder().nIn(s.dimensions()).nOut(s.hidden()).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(s.hidden()).nOut(classes)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    public MultiLayerNetwork train(List<LabelledExample> examples, int classes) {
        MultiLayerNetwork net = network(settings, classes);
        List<LabelledExample> order = new ArrayList<>(examples);
        Random random = new Random(settings.seed());
        long started = System.nanoTime();
        long total = (long) settings.epochs() * order.size();
        long done = 0;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int from = 0; from < order.size(); from += settings.batchSize()) {
                List<LabelledExample> batch = order.subList(from, Math.min(order.size(), from + settings.batchSize()));
                net.fit(dense(batch, settings.dimensions()), oneHot(batch, classes));
                done += batch.size();
            }
            progress(epoch, done, total, started, net.score());
        }
        return net;
    }

    private void progress(int epoch, long done, long total, long started, double loss) {
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        log.info("epoch {}/{}: {} of {} examples, {} examples/s, about {} s left, last batch loss {}", epoch,
                settings.epochs(), done, total, Math.round(rate), Math.round((total - done) / rate),
                String.format("%.4f", loss));
    }

    /** The dense input DL4J needs for a batch of sparse vectors. */
    public static INDArray dense(List<LabelledExample> batch, int dimensions) {
        List<SparseVector> vectors = batch.stream().map(LabelledExample::features).toList();
        return denseOf(vectors, dimensions);
    }

    public static INDArray denseOf(List<SparseVector> vectors, int dimensions) {
        float[] data = new float[vectors.size() * dimensions];
        for (int r = 0; r < vectors.size(); r++) {
            SparseVector v = vectors.get(r);
            for (int k = 0; k < v.indices().length; k++) {
                data[r * dimensions + v.indices()[k]] = v.values()[k];
            }
        }
        return Nd4j.create(data, new long[] {vectors.size(), dimensions}, DataType.FLOAT);
    }

    private static INDArray oneHot(List<LabelledExample> batch, int classes) {
        float[] data = new float[batch.size() * classes];
        for (int r = 0; r < batch.size(); r++) {
            data[r * classes + batch.get(r).label()] = 1f;
        }
        return Nd4j.create(data, new long[] {batch.size(), classes}, DataType.FLOAT);
    }

    /** The trained parameters, as the runtime's forward pass reads them. */
    public static MlpWeights export(MultiLayerNetwork net) {
        INDArray w1 = net.getLayer(0).getParam("W");
        INDArray w2 = net.getLayer(1).getParam("W");
        return new MlpWeights((int) w1.rows(), (int) w1.columns(), (int) w2.columns(), rowMajor(w1),
                rowMajor(net.getLayer(0).getParam("b")), rowMajor(w2), rowMajor(net.getLayer(1).getParam("b")));
    }

    /** Puts exported weights back into a DL4J network of the same settings. */
    public static MultiLayerNetwork restore(Settings settings, MlpWeights w) {
        MultiLayerNetwork net = network(settings, w.classes());
        net.getLayer(0).setParam("W", Nd4j.create(w.w1(), new long[] {w.inputs(), w.hidden()}, 'c'));
        net.getLayer(0).setParam("b", Nd4j.create(w.b1(), new long[] {1, w.hidden()}, 'c'));
        net.getLayer(1).setParam("W", Nd4j.create(w.w2(), new long[] {w.hidden(), w.classes()}, 'c'));
        net.getLayer(1).setParam("b", Nd4j.create(w.b2(), new long[] {1, w.classes()}, 'c'));
        return net;
    }

    private static float[] rowMajor(INDArray a) {
        return a.dup('c').data().asFloat();
    }
}
