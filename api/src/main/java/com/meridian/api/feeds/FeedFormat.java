package com.meridian.api.feeds;

import java.util.Arrays;
import java.util.Locale;

/**
 * The payload shapes the HTTP push accepts, each mapped to the one canonical {@code BankFeedTransaction}:
 * <ul>
 *   <li>{@code meridian}: {@code {"transactions": [...]}} with the canonical fields (amount signed, negative out);</li>
 *   <li>{@code plaid}: a Plaid {@code /transactions/sync} response ({@code added}, {@code modified}, {@code removed});
 *       Plaid's positive amount is money out, so the sign is inverted;</li>
 *   <li>{@code open-banking}: a UK Open Banking v3.1 {@code GET /accounts/{id}/transactions} response; the amount is
 *       unsigned and {@code CreditDebitIndicator} gives the sign;</li>
 *   <li>{@code berlin-group}: a NextGenPSD2 {@code GET /v1/accounts/{id}/transactions} response, {@code booked} and
 *       {@code pending}; the amount is signed.</li>
 * </ul>
 */
public enum FeedFormat {
    MERIDIAN, PLAID, OPEN_BANKING, BERLIN_GROUP;

    /** The path segment naming this format, for example {@code open-banking}. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The format a path segment names, or empty. */
    public static java.util.Optional<FeedFormat> fromPath(String segment) {
        return Arrays.stream(values()).filter(format -> format.pathName().equals(segment)).findFirst();
    }
}
