package com.meridian.categorizer.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import com.meridian.categorizer.CategorizationInput;
import com.meridian.categorizer.CategorizerProperties;
import com.meridian.categorizer.CategoryDecision;
import com.meridian.categorizer.ConfidenceLevels;
import com.meridian.categorizer.TransactionCategorizer;
import com.meridian.categorizer.internal.RulesThenModelCategorizer;
import com.meridian.categorizer.model.CategoryModel;
import com.meridian.categorizer.model.ModelRegistry;
import com.meridian.categorizer.model.internal.MlpWeights;
import com.meridian.categorizer.model.Familiarity;
import com.meridian.categorizer.model.internal.SparseVector;
import com.meridian.categorizer.normalize.DescriptorNormalizer;
import com.meridian.categorizer.rules.CategoryRule;
import com.meridian.categorizer.rules.RuleBook;
import com.meridian.categorizer.training.TrainCategorizerCommand;
import com.meridian.categorizer.training.internal.MlpTrainer;
import com.meridian.tenancy.TenantId;

/**
 * Speed of categorization on one thread ({@code categorizer/bench.sh}; numbers in docs/benchmarks.md):
 * <ul>
 *   <li>{@code categorizeBatch}: the whole path (rules, normalization, features, model, decision) for a batch of
 *       1,024 real corpus descriptors; throughput x 1,024 = transactions per second;</li>
 *   <li>{@code categorizeOne}: one transaction per call, sampled for latency percentiles;</li>
 *   <li>{@code forwardPlainJava} vs {@code forwardDl4j} (the reference, same run): the network alone on the same
 *       1,024 precomputed feature vectors, the plain-Java forward pass against DL4J's {@code output()}.</li>
 * </ul>
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dorg.bytedeco.javacpp.maxbytes=2G"})
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class CategorizerBenchmark {

    private static final int BATCH = 1024;
    private static final TenantId TENANT = TenantId.random();

    private TransactionCategorizer categorizer;
    private List<CategorizationInput> batch;
    private CategoryModel model;
    private List<SparseVector> features;
    private MultiLayerNetwork dl4j;
    private INDArray dense;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        ModelRegistry registry = new ModelRegistry("classpath:categorizer/model.json");
        model = registry.current();
        // a realistic tenant: a few dozen rules, none of which match the corpus descriptors
        List<CategoryRule> rules = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rules.add(CategoryRule.of(java.util.UUID.randomUUID(), 100 + i, "user", "description", "contains",
                    "tenant-merchant-" + i, null, null, null, null, null, null, "GENERAL_MERCHANDISE"));
        }
        RuleBook ruleBook = new RuleBook(Map.of(TENANT, List.copyOf(rules))::get, Duration.ofHours(1), 10);
        categorizer = new RulesThenModelCategorizer(ruleBook, registry,
                new ConfidenceLevels(CategorizerProperties.defaults()), 3, new SimpleMeterRegistry());
        batch = corpusInputs();
        DescriptorNormalizer normalizer = new DescriptorNormalizer();
        features = batch.stream()
                .map(in -> model.features(normalizer.normalize(in.merchantName(), in.counterpartyName(),
                        in.description()), in.amount()))
                .toList();
        dl4j = MlpTrainer.restore(settings(model), weights());
        dense = MlpTrainer.denseOf(features, model.metadata().dimensions());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<CategoryDecision> categorizeBatch() {
        return categorizer.categorize(TENANT, batch);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<CategoryDecision> categorizeOne() {
        next = (next + 1) & (BATCH - 1);
        return categorizer.categorize(TENANT, List.of(batch.get(next)));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void forwardPlainJava(Blackhole hole) {
        CategoryModel.Scratch scratch = model.newScratch();
        for (SparseVector f : features) {
            hole.consume(model.probabilities(f, Familiarity.FAMILIAR, scratch));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public INDArray forwardDl4j() {
        return dl4j.output(dense);
    }

    private static List<CategorizationInput> corpusInputs() throws IOException {
        List<CategorizationInput> inputs = new ArrayList<>(BATCH);
        try (InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(System.getProperty(
                "meridian.corpus", "../../shared/corpus/categorization/S-FK-transaction_categorization"), "val.csv"))) {
            for (String line : new String(in.readAllBytes()).lines().skip(1).limit(BATCH).toList()) {
                String text = line.substring(0, line.lastIndexOf(',', line.lastIndexOf(',') - 1));
                BigDecimal amount = text.startsWith("credit") ? new BigDecimal("1250.00") : new BigDecimal("-42.17");
                inputs.add(new CategorizationInput(null, text.toUpperCase(), null, null, amount, "USD", null, null));
            }
        }
        return List.copyOf(inputs);
    }

    private static MlpWeights weights() throws IOException {
        try (InputStream in = CategorizerBenchmark.class.getResourceAsStream("/categorizer/model.bin")) {
            return MlpWeights.read(new ByteArrayInputStream(in.readAllBytes()));
        }
    }

    private static MlpTrainer.Settings settings(CategoryModel model) {
        MlpTrainer.Settings d = TrainCategorizerCommand.DEFAULT_SETTINGS;
        return new MlpTrainer.Settings(model.metadata().dimensions(), model.metadata().hidden(), d.epochs(),
                d.batchSize(), d.learningRate(), d.l2(), d.seed());
    }
}
