package com.meridian.ingest.imports;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.meridian.ingest.jobs.JobRunLauncher;
import com.meridian.ingest.jobs.JobRuns;
import com.meridian.tenancy.TenantId;

/**
 * A worker JVM for {@link StatementImportRestartIT}: {@code start <tenant> <file> <account>} imports a file and
 * prints {@code RUN <id>}; {@code resume <tenant> <run>} restarts a run whose JVM died. Either way it waits for
 * the run to end and exits. Spring properties (database) come as {@code --name=value} arguments after a
 * {@code --} separator.
 */
public final class ImportWorkerMain {

    private ImportWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        int split = java.util.Arrays.asList(args).indexOf("--");
        String[] command = java.util.Arrays.copyOfRange(args, 0, split);
        String[] properties = java.util.Arrays.copyOfRange(args, split + 1, args.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ImportTestApplication.class)
                .web(WebApplicationType.NONE).run(properties)) {
            TenantId tenant = new TenantId(UUID.fromString(command[1]));
            UUID run;
            if (command[0].equals("start")) {
                run = context.getBean(StatementImports.class).start(tenant, Path.of(command[2]), "restart.csv",
                        UUID.fromString(command[3]), null, "restart-test");
                System.out.println("RUN " + run);
                System.out.flush();
            } else {
                run = UUID.fromString(command[2]);
                context.getBean(JobRunLauncher.class).resume(tenant, run);
            }
            JobRuns runs = context.getBean(JobRuns.class);
            while (!runs.find(tenant, run).map(v -> v.finishedAt() != null).orElse(false)) {
                Thread.sleep(100);
            }
            System.out.println("FINISHED " + runs.find(tenant, run).orElseThrow().status());
        }
        System.exit(0);
    }
}
