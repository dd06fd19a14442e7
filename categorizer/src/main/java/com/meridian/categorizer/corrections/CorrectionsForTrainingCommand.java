package com.meridian.categorizer.corrections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.meridian.tenancy.TenantDatabase;

/**
 * The two database steps around a training run ({@code categorizer/corrections.sh}), as the application role, so
 * row-level security applies:
 *
 * <pre>
 * corrections.sh export FILE                 the not-yet-used corrections of the tenants that opted in
 * train.sh --corrections FILE                trains (and writes model.json)
 * corrections.sh mark-used FILE MODEL_JSON    marks those corrections with the new model's version
 * </pre>
 *
 * Connection: {@code MERIDIAN_DB_URL}, {@code MERIDIAN_DB_USER}, {@code MERIDIAN_DB_PASSWORD}.
 */
public final class CorrectionsForTrainingCommand {

    private CorrectionsForTrainingCommand() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || !(args[0].equals("export") || args[0].equals("mark-used") && args.length == 3)) {
            System.err.println("usage: export FILE | mark-used FILE MODEL_JSON");
            System.exit(2);
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(env("MERIDIAN_DB_URL"),
                env("MERIDIAN_DB_USER"), env("MERIDIAN_DB_PASSWORD"));
        TrainingCorrections corrections = new TrainingCorrections(
                new TenantDatabase(dataSource, new DataSourceTransactionManager(dataSource)));
        System.out.println(run(corrections, args));
    }

    /** Runs one step; returns what it did, in one line. */
    public static String run(TrainingCorrections corrections, String... args) {
        Path file = Path.of(args[1]);
        if (args[0].equals("export")) {
            List<TrainingCorrections.TrainingRow> rows = corrections.notYetUsed();
            TrainingCorrections.write(rows, file);
            return rows.size() + " corrections of " + rows.stream().map(r -> r.tenant()).distinct().count()
                    + " opted-in tenants written to " + file;
        }
        String version = modelVersion(Path.of(args[2]));
        int marked = corrections.markUsed(TrainingCorrections.read(file), version);
        return marked + " corrections marked as used in model " + version;
    }

    private static String modelVersion(Path modelJson) {
        try {
            JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(modelJson));
            String version = metadata.path("version").asString();
            if (version == null || version.isEmpty()) {
                throw new IllegalArgumentException(modelJson + " names no model version");
            }
            return version;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + modelJson, e);
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("set " + name);
        }
        return value;
    }
}
