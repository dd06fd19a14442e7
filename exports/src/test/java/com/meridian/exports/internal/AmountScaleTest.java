package com.meridian.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AmountScaleTest {

    @Test
    void theScaleIsTheLargestMinorUnitOfTheExportsCurrencies() {
        assertThat(AmountScale.of(Map.of("JPY", 0))).isZero();
        assertThat(AmountScale.of(Map.of("EUR", 2, "JPY", 0))).isEqualTo(2);
        assertThat(AmountScale.of(Map.of("EUR", 2, "KWD", 3))).isEqualTo(3);
    }

    @Test
    void dataMorePreciseThanItsCurrencyWidensTheScaleInsteadOfBeingRounded() {
        assertThat(AmountScale.of(Map.of("EUR", 5))).isEqualTo(5);
    }

    @Test
    void unknownCurrenciesAndCurrenciesWithoutMinorUnitsGetCents() {
        assertThat(AmountScale.minorDigits("XAU")).isEqualTo(2);
        assertThat(AmountScale.minorDigits("ZZZ")).isEqualTo(2);
        assertThat(AmountScale.of(Map.of())).isZero();
    }
}
