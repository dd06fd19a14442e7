package com.meridian.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ExportRequestTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 3, 31);

    @Test
    void defaultsAreAllColumnsAsZstdParquetPartitionedByMonth() {
        ExportRequest request = new ExportRequest(null, null, null, FROM, TO, null, null, null);

        assertThat(request.kind()).isEqualTo(ExportKind.TRANSACTIONS);
        assertThat(request.format()).isEqualTo(ExportFormat.PARQUET);
        assertThat(request.compression()).isEqualTo(ExportCompression.ZSTD);
        assertThat(request.columns()).containsExactly(TransactionColumn.values());
        assertThat(request.partitionByMonth()).isTrue();
        assertThat(new ExportRequest(null, ExportFormat.CSV, null, FROM, TO, null, null, null).compression())
                .isEqualTo(ExportCompression.NONE);
    }

    @Test
    void anAmountNeverTravelsWithoutItsCurrency() {
        ExportRequest request = new ExportRequest(null, null, null, FROM, TO, null,
                List.of(TransactionColumn.BOOKING_DATE, TransactionColumn.AMOUNT, TransactionColumn.DESCRIPTION), null);

        assertThat(request.columns()).containsExactly(TransactionColumn.BOOKING_DATE, TransactionColumn.AMOUNT,
                TransactionColumn.CURRENCY, TransactionColumn.DESCRIPTION);
    }

    @Test
    void impossibleRequestsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new ExportRequest(null, null, null, TO, FROM, null, null, null))
                .isInstanceOf(InvalidExportRequestException.class).hasMessageContaining("after");
        assertThatThrownBy(() -> new ExportRequest(null, null, null, FROM, FROM.plusYears(11), null, null, null))
                .hasMessageContaining("3660 days");
        assertThatThrownBy(() -> new ExportRequest(null, ExportFormat.PARQUET, ExportCompression.GZIP, FROM, TO, null, null, null))
                .hasMessageContaining("GZIP compression does not apply to PARQUET");
        assertThatThrownBy(() -> new ExportRequest(null, ExportFormat.CSV, ExportCompression.ZSTD, FROM, TO, null, null, null))
                .isInstanceOf(InvalidExportRequestException.class);
        assertThatThrownBy(() -> new ExportFilters(null, null, null, BigDecimal.TEN, BigDecimal.ONE))
                .hasMessageContaining("minAmount");
        assertThatThrownBy(() -> new ExportRequest(null, null, null, null, TO, null, null, null))
                .hasMessageContaining("required");
    }
}
