package com.meridian.ingest.stream;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One instance of the stream pipeline in a child JVM ({@link StreamPipelineTestApplication}), started with the
 * given Spring properties; {@link #kill()} is SIGKILL: no commit, no clean close, like a crashed machine.
 */
final class PipelineProcess implements AutoCloseable {

    private final Process process;

    private PipelineProcess(Process process) {
        this.process = process;
    }

    static PipelineProcess start(Map<String, Object> properties, Path log) {
        // RocksDB unpacks its native library into the temp directory and only a clean exit deletes it: a killed
        // child's copy stays under target/, not in /tmp
        Path tmp = log.resolveSibling("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + tmp, e);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Djava.io.tmpdir=" + tmp.toAbsolutePath(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
                StreamPipelineTestApplication.class.getName()));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        try {
            return new PipelineProcess(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the pipeline JVM", e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private static String classPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
