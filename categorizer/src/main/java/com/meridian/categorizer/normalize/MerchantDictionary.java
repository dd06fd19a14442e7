package com.meridian.categorizer.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Known merchant brands and the kind of business they are, from the OpenStreetMap name-suggestion-index
 * (BSD-3-Clause; {@code categorizer/merchants/nsi-merchants.csv}, built by {@code categorizer/tools/nsi_merchants.py}).
 *
 * <p>Business rule: a brand found in a descriptor adds a signal ({@code brand:groceries}, {@code brand:travel}...),
 * never a category. The model learns what the signal is worth from the training data (where Kroger and Safeway
 * carry it), and so can carry that knowledge to brands the labelled data never shows (REWE, Albert Heijn).
 */
final class MerchantDictionary {

    private static final int LONGEST = 4;
    private static final MerchantDictionary INSTANCE = load("/categorizer/merchants/nsi-merchants.csv");

    private final Map<String, String> signals;
    private final Set<String> multiWordStarts;

    private MerchantDictionary(Map<String, String> signals) {
        this.signals = signals;
        this.multiWordStarts = new HashSet<>();
        signals.keySet().stream().filter(k -> k.indexOf(' ') > 0)
                .forEach(k -> multiWordStarts.add(k.substring(0, k.indexOf(' '))));
    }

    static MerchantDictionary instance() {
        return INSTANCE;
    }

    /** Adds a signal for each brand found in {@code tokens} (longest name first, no overlaps). */
    void addSignals(List<String> tokens, Set<String> out) {
        for (int i = 0; i < tokens.size(); ) {
            int longest = multiWordStarts.contains(tokens.get(i)) ? Math.min(LONGEST, tokens.size() - i) : 1;
            int used = 1;
            for (int n = longest; n >= 1; n--) {
                String signal = signals.get(n == 1 ? tokens.get(i) : String.join(" ", tokens.subList(i, i + n)));
                if (signal != null) {
                    out.add(signal);
                    used = n;
                    break;
                }
            }
            i += used;
        }
    }

    private static MerchantDictionary load(String resource) {
        try (InputStream in = MerchantDictionary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("merchant dictionary " + resource + " is missing");
            }
            Map<String, String> signals = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList()) {
                int comma = line.lastIndexOf(',');
                String label = line.substring(comma + 1).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
                signals.put(line.substring(0, comma), ("brand:" + label).intern());
            }
            return new MerchantDictionary(Map.copyOf(signals));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
