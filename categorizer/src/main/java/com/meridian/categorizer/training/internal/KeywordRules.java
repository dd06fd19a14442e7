package com.meridian.categorizer.training.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * "Rules alone": the kind of keyword rules a finance team writes by hand before it has a model, one list per
 * label, tried in order on the normalized text. Measured as a baseline (coverage and accuracy), not used in
 * production.
 */
public final class KeywordRules {

    private static final Map<String, Pattern> RULES = rules();

    private KeywordRules() {
    }

    /** The label index the first matching rule gives, or -1. */
    public static int label(LabelledExample e, List<String> labels) {
        for (Map.Entry<String, Pattern> rule : RULES.entrySet()) {
            if (rule.getValue().matcher(e.descriptor().text()).find()) {
                return labels.indexOf(rule.getKey());
            }
        }
        return -1;
    }

    private static Map<String, Pattern> rules() {
        Map<String, String> words = new LinkedHashMap<>();
        words.put("Income", "payroll|salary|dir dep|direct dep|paycheck|deposit");
        words.put("Fees", "\\bfee\\b|overdraft|service charge|interest charge");
        words.put("Mortgage", "mortgage|home loan");
        words.put("Rent", "\\brent\\b|apartments?|property management|leasing");
        words.put("Insurance", "insurance|geico|allstate|progressive|state farm");
        words.put("Utilities", "electric|energy|water|gas co|utility|comcast|xfinity|verizon|at&t|t-mobile|internet");
        words.put("Transfer", "transfer|zelle|venmo|xfer|wire");
        words.put("Subscription", "subscription|netflix|spotify|hulu|membership|premium");
        words.put("Groceries", "grocery|market|kroger|safeway|whole foods|trader joe|aldi|publix|costco");
        words.put("Restaurants", "restaurant|cafe|coffee|pizza|grill|burger|starbucks|mcdonald|doordash|uber eats");
        words.put("Transportation", "uber|lyft|shell|chevron|exxon|gas station|parking|transit|fuel");
        words.put("Travel", "airline|airlines|hotel|marriott|hilton|airbnb|expedia|delta|united");
        words.put("Healthcare", "pharmacy|cvs|walgreens|medical|dental|doctor|clinic|hospital|health");
        words.put("Education", "tuition|university|college|school|course|udemy|coursera");
        words.put("Entertainment", "cinema|movie|theater|concert|ticketmaster|steam|games");
        words.put("Personal Care", "salon|barber|spa|nail|beauty|gym|fitness");
        words.put("Shopping", "amazon|walmart|target|ebay|best buy|store|shop");
        Map<String, Pattern> out = new LinkedHashMap<>();
        words.forEach((label, regex) -> out.put(label, Pattern.compile("(?:" + regex + ")")));
        return out;
    }
}
