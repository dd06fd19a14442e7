package com.meridian.exports.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import com.meridian.tenancy.TenantId;

/**
 * Exports in a local (or mounted) directory: {@code <root>/tenants/<tenant>/exports/<export>/...}. Files are
 * moved in from staging and the manifest last; names are resolved strictly inside the export's folder.
 */
public final class LocalDirectoryExportStore implements ExportStore {

    private final Path root;

    public LocalDirectoryExportStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void publish(TenantId tenant, UUID exportId, Path staging, List<String> files) throws IOException {
        Path target = folder(tenant, exportId);
        for (String file : files) {
            Path destination = inside(target, file);
            Path source = staging.resolve(file);
            if (!Files.exists(source) && Files.isRegularFile(destination)) {
                continue; // moved by an earlier attempt that failed further on; the restarted job publishes the rest
            }
            Files.createDirectories(destination.getParent());
            Files.move(source, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public Optional<Resource> open(TenantId tenant, UUID exportId, String file) {
        Path path;
        try {
            path = inside(folder(tenant, exportId), file);
        } catch (IllegalArgumentException outside) {
            return Optional.empty();
        }
        return Files.isRegularFile(path) ? Optional.of(new FileSystemResource(path)) : Optional.empty();
    }

    @Override
    public void delete(TenantId tenant, UUID exportId) throws IOException {
        Path folder = folder(tenant, exportId);
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public String location(TenantId tenant, UUID exportId) {
        return folder(tenant, exportId).toString();
    }

    private Path folder(TenantId tenant, UUID exportId) {
        return root.resolve(ExportStore.key(tenant, exportId));
    }

    /** Resolves {@code file} under {@code folder}, refusing anything ({@code ..}, absolute paths) that escapes it. */
    static Path inside(Path folder, String file) {
        Path resolved = folder.resolve(file).normalize();
        if (!resolved.startsWith(folder) || resolved.equals(folder)) {
            throw new IllegalArgumentException("not a file of this export: " + file);
        }
        return resolved;
    }
}
