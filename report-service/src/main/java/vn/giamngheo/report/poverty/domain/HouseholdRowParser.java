package vn.giamngheo.report.poverty.domain;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates one household row of a review year against the year's standard, whatever it came from (a CSV line, an
 * XLSX row, a record on census.households). Every problem of the row is reported, each with its column; a row with
 * any problem is refused as a whole.
 *
 * <p>Columns (names without regard to case): {@code householdCode, communeCode, areaType, ethnicGroup, members,
 * monthlyIncomePerCapita}, one column per indicator code of the standard (1/0, true/false, có/không, x = deprived),
 * and optionally the raw answers {@code dependantCount} and {@code floorAreaM2}, from which the DEPENDANTS and
 * HOUSING_AREA flags follow when those are left blank.
 */
public final class HouseholdRowParser {

    public static final String HOUSEHOLD_CODE = "householdCode";
    public static final String COMMUNE_CODE = "communeCode";
    public static final String AREA_TYPE = "areaType";
    public static final String ETHNIC_GROUP = "ethnicGroup";
    public static final String MEMBERS = "members";
    public static final String INCOME = "monthlyIncomePerCapita";
    public static final List<String> BASE_COLUMNS =
            List.of(HOUSEHOLD_CODE, COMMUNE_CODE, AREA_TYPE, ETHNIC_GROUP, MEMBERS, INCOME);
    public static final List<String> RAW_ANSWER_COLUMNS = List.of(DerivationRule.DEPENDANTS, DerivationRule.FLOOR_AREA);

    private static final Pattern HOUSEHOLD_CODE_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern GROUPED_INTEGER = Pattern.compile("\\d{1,3}([., ]\\d{3})+");
    private static final long MAX_INCOME = 10_000_000_000L;

    /** A row that passed, or the reasons it did not. */
    public record Outcome(HouseholdRecord record, List<RowError> errors) {

        public boolean accepted() {
            return record != null;
        }
    }

    private final int year;
    private final PovertyStandard standard;
    private final UnitCrosswalk units;
    private final EthnicGroups ethnicGroups;

    public HouseholdRowParser(int year, PovertyStandard standard, UnitCrosswalk units, EthnicGroups ethnicGroups) {
        this.year = year;
        this.standard = standard;
        this.units = units;
        this.ethnicGroups = ethnicGroups;
    }

    public PovertyStandard standard() {
        return standard;
    }

    /** Every column a file may have for this standard, in the order of the template. */
    public List<String> columns() {
        return columnsOf(standard);
    }

    public static List<String> columnsOf(PovertyStandard standard) {
        List<String> columns = new ArrayList<>(BASE_COLUMNS);
        columns.addAll(RAW_ANSWER_COLUMNS);
        columns.addAll(standard.indicatorCodes());
        return columns;
    }

    /**
     * The columns a file's header lacks: every base column, and every indicator that has neither its flag column nor
     * (where the standard derives it) its raw-answer column. Names are compared without regard to case.
     */
    public List<String> missingColumns(Set<String> header) {
        Set<String> present = new LinkedHashSet<>();
        header.forEach(h -> present.add(h.trim().toLowerCase(Locale.ROOT)));
        List<String> missing = new ArrayList<>();
        BASE_COLUMNS.stream().filter(c -> !present.contains(c.toLowerCase(Locale.ROOT))).forEach(missing::add);
        for (Indicator indicator : standard.indicators()) {
            boolean flag = present.contains(indicator.code().toLowerCase(Locale.ROOT));
            boolean raw = indicator.rule() != null
                    && present.contains(indicator.rule().answer().toLowerCase(Locale.ROOT));
            if (!flag && !raw) {
                missing.add(indicator.code());
            }
        }
        return missing;
    }

    /** The header columns this standard does not know (ignored, reported back to the uploader). */
    public List<String> unknownColumns(Set<String> header) {
        Set<String> known = new LinkedHashSet<>();
        columns().forEach(c -> known.add(c.toLowerCase(Locale.ROOT)));
        return header.stream().filter(h -> !h.isBlank() && !known.contains(h.trim().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /**
     * Validates a row given as column name (lower case) → text. Blank cells are absent values.
     */
    public Outcome parse(Map<String, String> row, long line) {
        List<RowError> errors = new ArrayList<>();
        String code = text(row, HOUSEHOLD_CODE);
        String householdCode = null;
        if (code == null) {
            errors.add(new RowError(line, null, HOUSEHOLD_CODE, "thiếu mã hộ (household code is required)"));
        } else if (!HOUSEHOLD_CODE_PATTERN.matcher(code).matches()) {
            errors.add(new RowError(line, code, HOUSEHOLD_CODE, "mã hộ chỉ gồm chữ, số và . _ -, tối đa 40 ký tự "
                    + "(letters, digits, . _ - only, at most 40)"));
        } else {
            // Codes are compared without regard to case; one spelling keeps reviews matchable and ordered.
            householdCode = code.toUpperCase(Locale.ROOT);
        }
        String reported = householdCode == null ? code : householdCode;
        String communeCode = communeCode(text(row, COMMUNE_CODE), line, reported, errors);
        AreaType areaType = areaType(text(row, AREA_TYPE), line, reported, errors);
        String ethnicGroup = text(row, ETHNIC_GROUP);
        if (ethnicGroup == null || ethnicGroup.length() > 50) {
            errors.add(new RowError(line, reported, ETHNIC_GROUP,
                    "cần dân tộc của chủ hộ, tối đa 50 ký tự (the head's ethnic group is required, at most 50)"));
            ethnicGroup = null;
        } else {
            ethnicGroup = ethnicGroups.canonical(ethnicGroup);
        }
        Long members = integer(row, MEMBERS, 1, 100, true, line, reported, errors);
        Long income = integer(row, INCOME, 0, MAX_INCOME, true, line, reported, errors);
        Long dependants = integer(row, DerivationRule.DEPENDANTS, 0, 100, false, line, reported, errors);
        if (dependants != null && members != null && dependants > members) {
            errors.add(new RowError(line, reported, DerivationRule.DEPENDANTS,
                    "số người phụ thuộc lớn hơn số nhân khẩu (more dependants than members)"));
            dependants = null;
        }
        BigDecimal floorArea = decimal(row, DerivationRule.FLOOR_AREA, line, reported, errors);
        List<String> deprived = new ArrayList<>();
        for (Indicator indicator : standard.indicators()) {
            Optional<Boolean> flag = flag(row, indicator.code(), line, reported, errors);
            Optional<Boolean> derived = derive(indicator, members, dependants, floorArea);
            if (flag.isPresent() && derived.isPresent() && !flag.get().equals(derived.get())) {
                errors.add(new RowError(line, reported, indicator.code(), "cờ thiếu hụt trái với câu trả lời "
                        + indicator.rule().answer() + " (the flag contradicts the raw answer)"));
            } else if (flag.isEmpty() && derived.isEmpty() && !errors.isEmpty()
                    && errors.get(errors.size() - 1).field().equals(indicator.code())) {
                // an unreadable flag was already reported
            } else if (flag.isEmpty() && derived.isEmpty()) {
                errors.add(new RowError(line, reported, indicator.code(), "thiếu giá trị chỉ số " + indicator.nameVi()
                        + (indicator.rule() == null ? "" : " (hoặc câu trả lời " + indicator.rule().answer() + ")")
                        + " (missing)"));
            } else if (flag.orElseGet(derived::get)) {
                deprived.add(indicator.code());
            }
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, List.copyOf(errors));
        }
        return new Outcome(new HouseholdRecord(year, householdCode, communeCode, areaType, ethnicGroup,
                members.intValue(), income, dependants == null ? null : dependants.intValue(), floorArea, deprived),
                List.of());
    }

    private Optional<Boolean> derive(Indicator indicator, Long members, Long dependants, BigDecimal floorArea) {
        DerivationRule rule = indicator.rule();
        if (rule == null || members == null) {
            return Optional.empty();
        }
        BigDecimal answer = DerivationRule.DEPENDANTS.equals(rule.answer())
                ? (dependants == null ? null : BigDecimal.valueOf(dependants)) : floorArea;
        return answer == null ? Optional.empty() : Optional.of(rule.deprived(answer, members.intValue()));
    }

    private String communeCode(String value, long line, String household, List<RowError> errors) {
        if (value == null || !value.matches("\\d{1,5}")) {
            errors.add(new RowError(line, household, COMMUNE_CODE,
                    "mã xã gồm 5 chữ số (a 5-digit commune code is required)"));
            return null;
        }
        // Spreadsheets drop leading zeros: 3694 is 03694.
        String code = "0".repeat(5 - value.length()) + value;
        Optional<String> retired = units.retiredIn(code, year);
        if (retired.isPresent()) {
            errors.add(new RowError(line, household, COMMUNE_CODE, retired.get()));
            return null;
        }
        return code;
    }

    private static AreaType areaType(String value, long line, String household, List<RowError> errors) {
        if (value != null) {
            switch (Normalizer.normalize(value, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)) {
                case "rural", "nông thôn" -> {
                    return AreaType.RURAL;
                }
                case "urban", "thành thị" -> {
                    return AreaType.URBAN;
                }
                default -> {
                }
            }
        }
        errors.add(new RowError(line, household, AREA_TYPE,
                "khu vực là RURAL (nông thôn) hoặc URBAN (thành thị) (must be RURAL or URBAN)"));
        return null;
    }

    private static Long integer(Map<String, String> row, String column, long min, long max, boolean required,
                                long line, String household, List<RowError> errors) {
        String value = text(row, column);
        if (value == null) {
            if (required) {
                errors.add(new RowError(line, household, column, "thiếu giá trị (required)"));
            }
            return null;
        }
        String digits = GROUPED_INTEGER.matcher(value).matches() ? value.replaceAll("[., ]", "") : value;
        try {
            long number = Long.parseLong(digits);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new RowError(line, household, column, "phải là số nguyên từ " + min + " đến " + max
                + " (must be a whole number from " + min + " to " + max + ")"));
        return null;
    }

    private static BigDecimal decimal(Map<String, String> row, String column, long line, String household,
                                      List<RowError> errors) {
        String value = text(row, column);
        if (value == null) {
            return null;
        }
        try {
            // Vietnamese spreadsheets write 36,5 for 36.5.
            BigDecimal number = new BigDecimal(value.indexOf('.') < 0 ? value.replace(',', '.') : value);
            if (number.signum() >= 0 && number.compareTo(BigDecimal.valueOf(100_000)) <= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new RowError(line, household, column, "phải là số từ 0 đến 100000 (a number from 0 to 100000)"));
        return null;
    }

    private static Optional<Boolean> flag(Map<String, String> row, String column, long line, String household,
                                          List<RowError> errors) {
        String value = text(row, column);
        if (value == null) {
            return Optional.empty();
        }
        switch (Normalizer.normalize(value, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)) {
            case "1", "true", "x", "có", "yes" -> {
                return Optional.of(true);
            }
            case "0", "false", "không", "no" -> {
                return Optional.of(false);
            }
            default -> {
                errors.add(new RowError(line, household, column,
                        "giá trị chỉ số là 1/0, có/không (a flag must be 1 or 0)"));
                return Optional.empty();
            }
        }
    }

    private static String text(Map<String, String> row, String column) {
        String value = row.get(column.toLowerCase(Locale.ROOT));
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
