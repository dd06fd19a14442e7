package com.meridian.categorizer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import org.openjdk.jmh.infra.Blackhole;

/**
 * The benchmark's batch workloads timed by the thread's CPU time instead of the wall clock: on a shared machine
 * (other builds running) wall-clock throughput measures the scheduler as much as the code, while CPU time is what
 * "per core" means. Same setup and same batches as {@link CategorizerBenchmark}; prints rows per CPU-second for
 * the whole categorization path and for the two forward passes, and their ratio.
 */
public final class CpuTimeProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimeProbe() {
    }

    public static void main(String[] args) throws Exception {
        CategorizerBenchmark bench = new CategorizerBenchmark();
        bench.setUp();
        Blackhole hole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        double path = rowsPerCpuSecond(rounds, () -> hole.consume(bench.categorizeBatch()));
        double java = rowsPerCpuSecond(rounds, () -> bench.forwardPlainJava(hole));
        double dl4j = rowsPerCpuSecond(Math.max(20, rounds / 5), () -> hole.consume(bench.forwardDl4j()));
        System.out.printf(Locale.ROOT, "categorize (whole path, batches of 1024): %,.0f rows per CPU-second%n", path);
        System.out.printf(Locale.ROOT, "forward pass, plain Java:                 %,.0f rows per CPU-second%n", java);
        System.out.printf(Locale.ROOT, "forward pass, DL4J output() (reference):  %,.0f rows per CPU-second%n", dl4j);
        System.out.printf(Locale.ROOT, "ratio plain Java / DL4J: %.1fx; whole path / DL4J forward alone: %.1fx%n",
                java / dl4j, path / dl4j);
        System.exit(0);
    }

    private static double rowsPerCpuSecond(int rounds, Runnable batch) {
        for (int i = 0; i < rounds; i++) {
            batch.run(); // warm-up: let the JIT compile the path first
        }
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            batch.run();
        }
        double seconds = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
        return rounds * 1024 / seconds;
    }
}
