package com.meridian.ingest.imports.schedule.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import com.meridian.tenancy.TenantId;

/**
 * One schedule's folder on the local (or mounted) file system: {@code <root>/<tenant id>/<directory>}. New files
 * lie directly in it; a taken file moves to {@code .importing/} while its job runs, then to {@code processed/}
 * or {@code rejected/}. A directory can never lead out of its tenant's folder.
 */
public final class DropFolder {

    public static final String IMPORTING = ".importing";
    public static final String PROCESSED = "processed";
    public static final String REJECTED = "rejected";

    private final Path path;

    private DropFolder(Path path) {
        this.path = path;
    }

    /** The folder of {@code directory} for {@code tenant}; throws {@link IllegalArgumentException} for a path that leaves it. */
    public static DropFolder of(Path root, TenantId tenant, String directory) {
        Path tenantRoot = root.toAbsolutePath().normalize().resolve(tenant.toString());
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("directory is required");
        }
        Path relative = Path.of(directory).normalize();
        if (relative.isAbsolute() || relative.toString().isEmpty() || relative.startsWith("..")
                || relative.getFileName().toString().startsWith(".")) {
            throw new IllegalArgumentException("directory must be a relative path inside the tenant's folder: " + directory);
        }
        return new DropFolder(tenantRoot.resolve(relative));
    }

    /** The folder of a file its schedule took (a file in its {@code .importing/}). */
    public static DropFolder containing(Path taken) {
        Path importing = taken.toAbsolutePath().normalize().getParent();
        if (importing == null || !importing.getFileName().toString().equals(IMPORTING)) {
            throw new IllegalArgumentException(taken + " is not a file a schedule took");
        }
        return new DropFolder(importing.getParent());
    }

    public Path path() {
        return path;
    }

    public void create() {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path, e);
        }
    }

    /**
     * Files dropped in the folder and left unchanged for at least {@code settle}, by name; hidden files (a name
     * starting with a dot, as upload tools name partial files) are not taken.
     */
    public List<Path> droppedFiles(Duration settle, Instant now) {
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> settled(file, settle, now)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    /** Moves {@code file} into {@code subfolder} of this folder, under a new name if the name is taken there. */
    public Path moveInto(Path file, String subfolder) {
        try {
            Path target = Files.createDirectories(path.resolve(subfolder));
            String name = file.getFileName().toString();
            for (int n = 1; ; n++) {
                Path candidate = target.resolve(n == 1 ? name : name + "." + n);
                try {
                    // not ATOMIC_MOVE: on Linux that replaces an existing file without a word
                    return Files.move(file, candidate);
                } catch (FileAlreadyExistsException taken) {
                    // a file of that name was moved there before: try the next name
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file + " to " + subfolder, e);
        }
    }

    public static String sha256(Path file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static boolean settled(Path file, Duration settle, Instant now) {
        try {
            return !Files.getLastModifiedTime(file).toInstant().isAfter(now.minus(settle));
        } catch (IOException e) {
            return false; // gone or unreadable since the listing: the next tick sees it again
        }
    }
}
