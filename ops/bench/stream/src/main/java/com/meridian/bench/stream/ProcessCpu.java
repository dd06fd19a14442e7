package com.meridian.bench.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.stream.Stream;

/**
 * CPU time used so far by the three parties of a run on this machine: this JVM (the Streams application), its child
 * JVMs (the local Kafka broker) and the PostgreSQL server (postmaster, live backends, and the exited ones through the
 * postmaster's reaped-children times). Read from {@code /proc}; Linux only.
 *
 * <p>Why: on a shared 2-core machine throughput swings with whatever else runs, while the CPU a record costs each
 * party hardly does, and the sum over the parties bounds the throughput the two cores can give.
 */
final class ProcessCpu {

    /** Linux's USER_HZ; {@code getconf CLK_TCK} is 100 on every distribution this runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long postmasterPid;

    private ProcessCpu(long postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    /** @param postgres any connection to the server; its backend's parent is the postmaster */
    static ProcessCpu of(Connection postgres) throws Exception {
        try (ResultSet pid = postgres.createStatement().executeQuery("select pg_backend_pid()")) {
            pid.next();
            return new ProcessCpu(Stat.read(pid.getLong(1)).parent());
        }
    }

    Sample sample() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long children = ProcessHandle.current().descendants()
                .mapToLong(child -> Stat.readIfAlive(child.pid()).ownTicks()).sum() * NANOS_PER_TICK;
        long postgres = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    Stat stat = Stat.readIfAlive(Long.parseLong(name));
                    if (stat.parent() == postmasterPid) {
                        postgres += stat.ownTicks();
                    } else if (stat.pid() == postmasterPid) {
                        postgres += stat.ownTicks() + stat.reapedChildrenTicks();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Sample(jvm, children, postgres * NANOS_PER_TICK);
    }

    /** Cumulative CPU nanoseconds of each party at one instant. */
    record Sample(long jvmNanos, long brokerNanos, long postgresNanos) {

        /** Microseconds per record of each party between {@code before} and this sample. */
        PerRecord perRecordSince(Sample before, long records) {
            return new PerRecord((jvmNanos - before.jvmNanos) / 1e3 / records,
                    (brokerNanos - before.brokerNanos) / 1e3 / records,
                    (postgresNanos - before.postgresNanos) / 1e3 / records);
        }
    }

    record PerRecord(double jvmMicros, double brokerMicros, double postgresMicros) {

        double totalMicros() {
            return jvmMicros + brokerMicros + postgresMicros;
        }

        @Override
        public String toString() {
            return String.format("%,6.1f us/record (Streams JVM %,.1f, broker %,.1f, PostgreSQL %,.1f)", totalMicros(),
                    jvmMicros, brokerMicros, postgresMicros);
        }
    }

    private record Stat(long pid, long parent, long ownTicks, long reapedChildrenTicks) {

        static Stat read(long pid) {
            try {
                String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                // the command name, in parentheses, may itself hold spaces and parentheses
                String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                return new Stat(pid, Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                        Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Stat readIfAlive(long pid) {
            try {
                return read(pid);
            } catch (UncheckedIOException e) {
                // gone between listing and reading (ENOENT, or ESRCH mid-read): its time is its parent's now
                return new Stat(pid, -1, 0, 0);
            }
        }
    }
}
