package vn.giamngheo.report.poverty.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A national multidimensional poverty standard: income lines by area type, the middle-income ceilings, the
 * deprivation indicators grouped in dimensions, the deprivation-count cut-off and the review years it applies to.
 * Loaded from data, so a wording fix in the decree is a change to a file, not to this code.
 *
 * @param middleIncomeCeilings null when the standard's middle-income ceilings are not known; households above the
 *                             income line are then NONE
 */
public record PovertyStandard(String code, String nameVi, String legalBasis, int fromYear, int toYear,
                              Map<AreaType, Long> incomeLines, Map<AreaType, Long> middleIncomeCeilings,
                              int deprivationCutoff, List<Dimension> dimensions, List<String> notes) {

    public PovertyStandard {
        incomeLines = Map.copyOf(incomeLines);
        middleIncomeCeilings = middleIncomeCeilings == null ? null : Map.copyOf(middleIncomeCeilings);
        dimensions = List.copyOf(dimensions);
        notes = notes == null ? List.of() : List.copyOf(notes);
        if (!incomeLines.keySet().containsAll(Set.of(AreaType.values()))) {
            throw new IllegalArgumentException(code + ": an income line for every area type is required");
        }
        if (fromYear > toYear) {
            throw new IllegalArgumentException(code + ": fromYear after toYear");
        }
        List<String> codes = dimensions.stream().flatMap(d -> d.indicators().stream()).map(Indicator::code).toList();
        if (codes.size() != Set.copyOf(codes).size()) {
            throw new IllegalArgumentException(code + ": indicator codes must be unique");
        }
    }

    public boolean appliesTo(int year) {
        return year >= fromYear && year <= toYear;
    }

    public long incomeLine(AreaType area) {
        return incomeLines.get(area);
    }

    public Optional<Long> middleIncomeCeiling(AreaType area) {
        return middleIncomeCeilings == null ? Optional.empty() : Optional.ofNullable(middleIncomeCeilings.get(area));
    }

    /** The indicators in the standard's order (dimension by dimension). */
    public List<Indicator> indicators() {
        return dimensions.stream().flatMap(d -> d.indicators().stream()).toList();
    }

    public List<String> indicatorCodes() {
        return indicators().stream().map(Indicator::code).toList();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The dimension an indicator belongs to. */
    public Dimension dimensionOf(String indicatorCode) {
        return dimensions.stream().filter(d -> d.indicators().stream().anyMatch(i -> i.code().equals(indicatorCode)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Unknown indicator " + indicatorCode));
    }

    /**
     * Classifies a household: income at or below the line with at least the cut-off number of deprivations is poor,
     * with fewer it is near-poor; above the line it is middle-income up to the ceiling, otherwise none — however many
     * deprivations it has. Indicators not in this standard are not counted.
     */
    public ClassificationResult classify(AreaType area, long monthlyIncomePerCapita, Collection<String> deprived) {
        List<String> counted = countedDeprivations(deprived);
        Classification classification = classification(area, monthlyIncomePerCapita, counted.size());
        long line = incomeLine(area);
        Long ceiling = middleIncomeCeiling(area).orElse(null);
        return new ClassificationResult(classification, code, area, monthlyIncomePerCapita, line,
                monthlyIncomePerCapita <= line, ceiling, counted.size(), deprivationCutoff, counted,
                reasons(classification, area, monthlyIncomePerCapita, line, ceiling, counted));
    }

    /**
     * The classification alone, as {@link #classify} gives it: what rates and movements count for every household of
     * a review, without the reasons (in words, with amounts formatted) that one household's page shows.
     */
    public Classification classification(AreaType area, long monthlyIncomePerCapita, int deprivationsCounted) {
        if (monthlyIncomePerCapita <= incomeLine(area)) {
            return deprivationsCounted >= deprivationCutoff ? Classification.POOR : Classification.NEAR_POOR;
        }
        Long ceiling = middleIncomeCeiling(area).orElse(null);
        return ceiling != null && monthlyIncomePerCapita <= ceiling ? Classification.MIDDLE_INCOME
                : Classification.NONE;
    }

    /** The deprivations this standard counts, in its indicators' order. */
    public List<String> countedDeprivations(Collection<String> deprived) {
        List<String> counted = new ArrayList<>();
        for (String indicatorCode : indicatorCodes()) {
            if (deprived.contains(indicatorCode)) {
                counted.add(indicatorCode);
            }
        }
        return List.copyOf(counted);
    }

    private List<String> reasons(Classification classification, AreaType area, long income, long line, Long ceiling,
                                 List<String> counted) {
        List<String> reasons = new ArrayList<>();
        String areaName = area.nameVi().toLowerCase(java.util.Locale.ROOT);
        reasons.add(income <= line
                ? "Thu nhập bình quân " + vnd(income) + "/người/tháng ≤ chuẩn nghèo " + areaName + " " + vnd(line)
                : "Thu nhập bình quân " + vnd(income) + "/người/tháng > chuẩn nghèo " + areaName + " " + vnd(line));
        Map<String, String> names = new LinkedHashMap<>();
        indicators().forEach(i -> names.put(i.code(), i.nameVi()));
        String which = counted.isEmpty() ? "" : ": " + String.join(", ", counted.stream().map(names::get).toList());
        reasons.add("Thiếu hụt " + counted.size() + " chỉ số dịch vụ xã hội cơ bản"
                + (counted.size() >= deprivationCutoff ? " (≥ " : " (< ") + deprivationCutoff + ")" + which);
        switch (classification) {
            case POOR -> reasons.add("Hộ nghèo: thu nhập ≤ chuẩn và thiếu hụt từ " + deprivationCutoff
                    + " chỉ số trở lên");
            case NEAR_POOR -> reasons.add("Hộ cận nghèo: thu nhập ≤ chuẩn và thiếu hụt dưới " + deprivationCutoff
                    + " chỉ số");
            case MIDDLE_INCOME -> reasons.add("Hộ có mức sống trung bình: thu nhập trên chuẩn nghèo và ≤ "
                    + vnd(ceiling) + "; hộ có thu nhập trên chuẩn không là hộ nghèo dù thiếu hụt bao nhiêu chỉ số");
            case NONE -> reasons.add(ceiling == null
                    ? "Không thuộc diện nghèo, cận nghèo: thu nhập trên chuẩn nghèo (chuẩn này chưa có mức sống "
                    + "trung bình được xác nhận)"
                    : "Không thuộc diện nghèo, cận nghèo, mức sống trung bình: thu nhập trên " + vnd(ceiling));
        }
        return List.copyOf(reasons);
    }

    /** Vietnamese money format: 1.500.000 đ. */
    static String vnd(long amount) {
        return String.format(java.util.Locale.ROOT, "%,d", amount).replace(',', '.') + " đ";
    }
}
