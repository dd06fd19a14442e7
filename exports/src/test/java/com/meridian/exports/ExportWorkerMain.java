package com.meridian.exports;

import java.util.Arrays;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.meridian.tenancy.TenantId;

import tools.jackson.databind.json.JsonMapper;

/**
 * A worker JVM for {@link ExportRestartIT}: {@code start <tenant> <request json>} starts an export, prints
 * {@code EXPORT <id>} and waits for it to end (the test kills it before). Spring properties (database, folders)
 * come as {@code --name=value} arguments after a {@code --} separator.
 */
public final class ExportWorkerMain {

    private ExportWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        int split = Arrays.asList(args).indexOf("--");
        String[] command = Arrays.copyOfRange(args, 0, split);
        String[] properties = Arrays.copyOfRange(args, split + 1, args.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ExportsTestApplication.class)
                .web(WebApplicationType.NONE).run(properties)) {
            TenantId tenant = new TenantId(UUID.fromString(command[1]));
            ExportRequest request = JsonMapper.builder().build().readValue(command[2], ExportRequest.class);
            Exports exports = context.getBean(Exports.class);
            UUID exportId = exports.start(tenant, request, "restart-test");
            System.out.println("EXPORT " + exportId);
            System.out.flush();
            while (exports.find(tenant, exportId).map(view -> view.finishedAt() == null).orElse(false)) {
                Thread.sleep(100);
            }
            System.out.println("FINISHED " + exports.find(tenant, exportId).orElseThrow().status());
        }
        System.exit(0);
    }
}
