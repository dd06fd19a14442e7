package com.meridian.ingest.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.imports.csv.CsvProfile;
import com.meridian.ingest.jobs.RejectedEntryException;

class EntryRangePartitionerTest {

    @Test
    void theRangesCoverEveryEntryExactlyOnceInFileOrder() {
        for (long entries : new long[] {0, 1, 2, 3, 7, 100, 200_001}) {
            for (int grid : new int[] {1, 2, 3, 4, 8}) {
                // when
                Map<String, ExecutionContext> partitions = new EntryRangePartitioner(entries).partition(grid);

                // then the ranges follow each other from 0 to the last entry, with no gap and no overlap
                long next = 0;
                for (ExecutionContext partition : partitions.values()) {
                    long start = partition.getLong(StatementFileReader.CONSUMED);
                    long end = partition.getLong(StatementFileReader.END);
                    assertThat(start).as("%d entries, grid %d", entries, grid).isEqualTo(next);
                    assertThat(end).as("%d entries, grid %d", entries, grid).isGreaterThanOrEqualTo(start);
                    next = end;
                }
                assertThat(next).as("%d entries, grid %d", entries, grid).isEqualTo(entries);
                assertThat(partitions).hasSize((int) Math.max(1, Math.min(grid, entries)));
            }
        }
    }

    @Test
    void theRangesAreNearlyEqualAndTheSameOnEveryCall() {
        Map<String, ExecutionContext> partitions = new EntryRangePartitioner(10).partition(3);

        assertThat(partitions.keySet()).containsExactly("entries-000", "entries-001", "entries-002");
        assertThat(partitions.values()).extracting(p -> p.getLong(StatementFileReader.END) - p.getLong(StatementFileReader.CONSUMED))
                .containsExactly(4L, 3L, 3L);
        assertThat(new EntryRangePartitioner(10).partition(3)).isEqualTo(partitions);
    }

    @Test
    void readThroughItsPartitionsAFileGivesTheEntriesOfOnePassWithTheirPositionsAndLines(@TempDir Path directory)
            throws Exception {
        // given a CSV whose records are not its lines: a quoted description holds a line break, a row is broken
        Path file = Files.writeString(directory.resolve("statement.csv"), """
                date,amount,currency,description,counterparty
                2026-11-02,-2.50,EUR,Coffee,Cafe
                2026-11-02,-2.50,EUR,Coffee,Cafe
                2026-11-02,-9.00,EUR,"Two
                lines",Shop
                2026-11-03,minus four,EUR,Broken,Nobody
                2026-11-03,-61.20,EUR,Groceries,REWE
                2026-11-04,"1,000.00",EUR,"Salary, November",ACME
                2026-11-04,-2.50,EUR,Coffee,Cafe
                """);
        List<String> onePass = read(file, new ExecutionContext());

        for (int grid = 1; grid <= 8; grid++) {
            // when each partition is read on its own, one after the other
            List<String> partitioned = new ArrayList<>();
            for (ExecutionContext partition : new EntryRangePartitioner(onePass.size()).partition(grid).values()) {
                partitioned.addAll(read(file, partition));
            }

            // then together they read every entry once, each with the position and line of the single pass
            assertThat(partitioned).as("grid %d", grid).containsExactlyElementsOf(onePass);
        }
        assertThat(onePass).containsExactly("0 line 2 -2.50", "1 line 3 -2.50", "2 line 5 -9.00",
                "rejected line 6 AMOUNT_INVALID", "4 line 7 -61.20", "5 line 8 1000.00", "6 line 9 -2.50");
    }

    /** Entries a reader takes from {@code context}'s start to its end, as "position line amount". */
    private static List<String> read(Path file, ExecutionContext context) {
        StatementFileReader reader = new StatementFileReader(file, CsvProfile.standard(), null);
        List<String> entries = new ArrayList<>();
        reader.open(context);
        try {
            while (true) {
                try {
                    StatementEntry entry = reader.readEntry();
                    if (entry == null) {
                        return entries;
                    }
                    entries.add(entry.position() + " " + entry.entryRef() + " " + entry.amount().toPlainString());
                } catch (RejectedEntryException e) {
                    entries.add("rejected " + e.entryRef() + " " + e.reasonCode());
                }
            }
        } finally {
            reader.close();
        }
    }
}
