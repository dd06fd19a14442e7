package com.meridian.categorizer.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.meridian.categorizer.CategorizationInput;
import com.meridian.categorizer.CategoryDecision;
import com.meridian.categorizer.CategoryDecision.Alternative;
import com.meridian.categorizer.ConfidenceLevels;
import com.meridian.categorizer.TransactionCategorizer;
import com.meridian.categorizer.model.CategoryModel;
import com.meridian.categorizer.model.Familiarity;
import com.meridian.categorizer.model.ModelRegistry;
import com.meridian.categorizer.normalize.DescriptorNormalizer;
import com.meridian.categorizer.normalize.NormalizedDescriptor;
import com.meridian.categorizer.rules.CategoryRule;
import com.meridian.categorizer.rules.RuleBook;
import com.meridian.categorizer.taxonomy.BankTransactionCodes;
import com.meridian.categorizer.taxonomy.BankTransactionCodes.CodeRule;
import com.meridian.categorizer.taxonomy.IncomeKinds;
import com.meridian.categorizer.taxonomy.MccCategories;
import com.meridian.schemas.events.CategorizedTransaction.ConfidenceLevel;
import com.meridian.schemas.events.CategorizedTransaction.DecidedBy;
import com.meridian.tenancy.TenantId;

/**
 * The categorizer: the tenant's first matching rule decides with certainty, then a built-in rule on the bank's
 * transaction code ({@link BankTransactionCodes}); otherwise the model decides with its
 * calibrated probability, refined by the merchant category code when the MCC names a more specific category of
 * the same family (and income that names pay to wages), and explains itself with its runner-up categories.
 */
public final class RulesThenModelCategorizer implements TransactionCategorizer {

    private static final BigDecimal CERTAIN = new BigDecimal("1.0000");

    private final RuleBook rules;
    private final ModelRegistry models;
    private final ConfidenceLevels levels;
    private final DescriptorNormalizer normalizer = new DescriptorNormalizer();
    private final int alternatives;
    private final Counter byRule;
    private final Counter byModel;
    private final Counter forReview;

    public RulesThenModelCategorizer(RuleBook rules, ModelRegistry models, ConfidenceLevels levels, int alternatives,
            MeterRegistry meters) {
        this.rules = rules;
        this.models = models;
        this.levels = levels;
        this.alternatives = alternatives;
        this.byRule = meters.counter("meridian.categorizer.decisions", "decided_by", "rule");
        this.byModel = meters.counter("meridian.categorizer.decisions", "decided_by", "model");
        this.forReview = meters.counter("meridian.categorizer.needs_review");
    }

    @Override
    public List<CategoryDecision> categorize(TenantId tenant, List<CategorizationInput> inputs) {
        List<CategoryRule> tenantRules = inputs.isEmpty() ? List.of() : rules.rulesFor(tenant);
        // one model for the whole batch, even if it is replaced meanwhile
        CategoryModel model = models.current();
        CategoryModel.Scratch scratch = model.newScratch();
        List<CategoryDecision> decisions = new ArrayList<>(inputs.size());
        for (CategorizationInput input : inputs) {
            Optional<CategoryRule> rule = RuleBook.firstMatch(tenantRules, input);
            if (rule.isPresent()) {
                decisions.add(byRule(rule.get().ruleId(), rule.get().categoryCode()));
                continue;
            }
            Optional<CodeRule> code = BankTransactionCodes.rule(input.bankTransactionCode(), input.amount());
            decisions.add(code.isPresent() ? byRule(code.get().ruleId(), code.get().categoryCode())
                    : byModel(model, scratch, input));
        }
        return decisions;
    }

    private CategoryDecision byRule(UUID ruleId, String categoryCode) {
        byRule.increment();
        return new CategoryDecision(categoryCode, CERTAIN, ConfidenceLevel.VERY_HIGH, false, DecidedBy.RULE, ruleId,
                null, List.of());
    }

    private CategoryDecision byModel(CategoryModel model, CategoryModel.Scratch scratch, CategorizationInput input) {
        NormalizedDescriptor descriptor = normalizer.normalize(input.merchantName(), input.counterpartyName(),
                input.description());
        if (descriptor.tokens().isEmpty()) {
            return withoutText(model, input);
        }
        double[] p = model.probabilities(model.features(descriptor, input.amount()), model.familiarity(descriptor),
                scratch);
        int[] ranked = ranked(p, alternatives + 1);
        BigDecimal confidence = ConfidenceLevels.decimal(p[ranked[0]]);
        String code = IncomeKinds.refine(MccCategories.refine(model.code(ranked[0], input.amount()), input.mcc()),
                descriptor.tokens());
        List<Alternative> runnersUp = new ArrayList<>(ranked.length - 1);
        for (int i = 1; i < ranked.length; i++) {
            runnersUp.add(new Alternative(model.code(ranked[i], input.amount()), ConfidenceLevels.decimal(p[ranked[i]])));
        }
        boolean review = levels.needsReview(confidence);
        byModel.increment();
        if (review) {
            forReview.increment();
        }
        return new CategoryDecision(code, confidence, levels.level(confidence), review, DecidedBy.MODEL, null,
                model.version(), List.copyOf(runnersUp));
    }

    /**
     * Without any text the model has no evidence (it was never calibrated on empty descriptors), so the decision
     * says so: the MCC's category if there is one, else the model's guess, at the uniform prior, for review.
     */
    private CategoryDecision withoutText(CategoryModel model, CategorizationInput input) {
        double[] p = model.probabilities(model.features(normalizer.normalize(""), input.amount()),
                Familiarity.UNFAMILIAR, model.newScratch());
        String guess = model.code(ranked(p, 1)[0], input.amount());
        String code = MccCategories.category(input.mcc()).orElse(guess);
        BigDecimal prior = ConfidenceLevels.decimal(1.0 / model.labelCount());
        byModel.increment();
        forReview.increment();
        return new CategoryDecision(code, prior, levels.level(prior), true, DecidedBy.MODEL, null, model.version(),
                List.of());
    }

    /** Indices of the {@code k} highest probabilities, best first (ties: lower index first, deterministic). */
    static int[] ranked(double[] p, int k) {
        int n = Math.min(k, p.length);
        int[] top = new int[n];
        boolean[] taken = new boolean[p.length];
        for (int r = 0; r < n; r++) {
            int best = -1;
            for (int i = 0; i < p.length; i++) {
                if (!taken[i] && (best < 0 || p[i] > p[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            top[r] = best;
        }
        return top;
    }
}
