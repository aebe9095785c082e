package vn.giamngheo.report.poverty.domain;

import java.util.List;

/**
 * A household's classification with the reasons: income against the line (and the middle-income ceiling), how many
 * of the standard's indicators it is deprived in against the cut-off, and which. {@code reasonsVi} says the same in
 * words for the people who read it.
 */
public record ClassificationResult(Classification classification, String standardCode, AreaType areaType,
                                   long monthlyIncomePerCapita, long incomeLine, boolean incomeAtOrBelowLine,
                                   Long middleIncomeCeiling, int deprivationCount, int deprivationCutoff,
                                   List<String> deprivedIndicators, List<String> reasonsVi) {
}
