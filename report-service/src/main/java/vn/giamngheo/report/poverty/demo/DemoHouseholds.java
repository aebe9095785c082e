package vn.giamngheo.report.poverty.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.giamngheo.report.poverty.domain.AreaType;
import vn.giamngheo.report.poverty.domain.DerivationRule;
import vn.giamngheo.report.poverty.domain.HouseholdRowParser;
import vn.giamngheo.report.poverty.domain.Indicator;
import vn.giamngheo.report.poverty.domain.PovertyStandard;
import vn.giamngheo.report.poverty.domain.UnitCrosswalk;

/**
 * SYNTHETIC demo households (dữ liệu mô phỏng) for the communes of the sample crosswalk, as a panel over several
 * review years: the same household keeps its code, commune, ethnic group and most of its circumstances, its income
 * moves with a province-wide trend and a yearly shock, a few households dissolve and new ones (splits) appear.
 * Calibrated so that about 20% of households are poor or near-poor in 2022 and about 9–10% in 2025, higher among
 * ethnic minorities — the orientation figures of Sơn La (21.66% in 2021, 11.11% end 2024). Deterministic: the same
 * seed gives byte-identical files. Nothing here is real data about real households.
 */
public final class DemoHouseholds {

    /** The ethnic make-up of a former district's communes (shares of household heads). */
    private static final String[][] QUYNH_NHAI = {{"Thái", "0.80"}, {"Kinh", "0.09"}, {"Khơ Mú", "0.06"},
            {"Mông", "0.04"}, {"Kháng", "0.01"}};
    private static final String[][] VAN_HO = {{"Mông", "0.36"}, {"Thái", "0.24"}, {"Mường", "0.18"},
            {"Kinh", "0.14"}, {"Dao", "0.08"}};
    private static final String[][] TOWNSHIP = {{"Thái", "0.55"}, {"Kinh", "0.40"}, {"Khơ Mú", "0.05"}};

    private record Commune(String code, String district, AreaType areaType, double effect, double size) {
    }

    private record Household(String code, Commune commune, String ethnicGroup, int members, double welfare,
                             double[] persistence, int firstYearOffset, boolean dissolves, long shockSeed) {
    }

    private final long seed;
    private final int size;
    private final UnitCrosswalk units;
    private final List<Household> households = new ArrayList<>();

    /**
     * @param size the number of households in the first year (new households come on top in later years)
     */
    public DemoHouseholds(long seed, int size, UnitCrosswalk units) {
        this.seed = seed;
        this.size = size;
        this.units = units;
        build();
    }

    private void build() {
        Random random = new Random(seed);
        List<Commune> communes = new ArrayList<>();
        double totalSize = 0;
        for (UnitCrosswalk.FormerCommune c : units.formerCommunes()) {
            if ("123".equals(c.formerDistrictCode())) {
                continue; // Chiềng Sơn (Mộc Châu) is in the crosswalk only as a merger partner
            }
            double communeSize = c.areaType() == AreaType.URBAN ? 1.4 : 0.6 + random.nextDouble() * 0.8;
            communes.add(new Commune(c.code(), c.formerDistrictCode(), c.areaType(), random.nextGaussian() * 0.3,
                    communeSize));
            totalSize += communeSize;
        }
        int sequence = 0;
        int total = size + size * 3 / 100;
        for (int i = 0; i < total; i++) {
            double pick = random.nextDouble() * totalSize;
            Commune commune = communes.get(communes.size() - 1);
            for (Commune c : communes) {
                pick -= c.size();
                if (pick <= 0) {
                    commune = c;
                    break;
                }
            }
            String ethnicGroup = pick(random, commune.areaType() == AreaType.URBAN ? TOWNSHIP
                    : "118".equals(commune.district()) ? QUYNH_NHAI : VAN_HO);
            int members = 1 + (int) Math.min(9, Math.round(Math.abs(random.nextGaussian() * 1.6 + 3.2)));
            double welfare = random.nextGaussian() + groupEffect(ethnicGroup) + commune.effect()
                    + (commune.areaType() == AreaType.URBAN ? 0.5 : 0);
            double[] persistence = new double[16];
            for (int j = 0; j < persistence.length; j++) {
                persistence[j] = random.nextDouble();
            }
            boolean isNew = i >= size;
            sequence++;
            households.add(new Household(String.format("HH-14-%s-%05d", commune.code(), sequence), commune,
                    ethnicGroup, members, welfare, persistence, isNew ? 1 + random.nextInt(3) : 0,
                    !isNew && random.nextDouble() < 0.02, random.nextLong()));
        }
    }

    private static String pick(Random random, String[][] shares) {
        double u = random.nextDouble();
        for (String[] share : shares) {
            u -= Double.parseDouble(share[1]);
            if (u <= 0) {
                return share[0];
            }
        }
        return shares[shares.length - 1][0];
    }

    private static double groupEffect(String ethnicGroup) {
        return switch (ethnicGroup) {
            case "Kinh" -> 1.0;
            case "Thái", "Mường" -> 0.0;
            case "Mông", "Khơ Mú", "Kháng" -> -0.6;
            case "Dao" -> -0.45;
            default -> 0.0;
        };
    }

    /**
     * Writes one review year's households as a CSV file in the upload format. The DEPENDANTS and HOUSING_AREA flags
     * are left blank and given as raw answers, so the demo also exercises their derivation.
     */
    public Path writeCsv(int year, int firstYear, PovertyStandard standard, Path file) throws IOException {
        double progress = (year - firstYear) / 3.0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", HouseholdRowParser.columnsOf(standard)));
            out.write('\n');
            for (Household h : households) {
                int offset = year - firstYear;
                if (offset < h.firstYearOffset() || (h.dissolves() && offset > 0)) {
                    continue;
                }
                Random shock = new Random(h.shockSeed() * 31 + year);
                // the province's trend lifts everyone a little each year; shocks move households across the line
                double z = 0.99 + 0.5 * progress + 0.85 * h.welfare() + 0.5 * shock.nextGaussian();
                long line = standard.incomeLine(h.commune().areaType());
                long income = Math.max(150_000, Math.round(line * Math.exp(0.5 * z) / 10_000.0) * 10_000);
                // households of a merged commune are recorded under the new unit from the reform on
                String commune = units.codeIn(h.commune().code(), units.firstReviewYearOnNewUnits() - 1, year);
                List<String> cells = new ArrayList<>();
                cells.add(h.code());
                cells.add(commune);
                cells.add(h.commune().areaType().name());
                cells.add(h.ethnicGroup());
                cells.add(String.valueOf(h.members()));
                cells.add(String.valueOf(income));
                String dependants = "";
                String floorArea = "";
                List<String> flags = new ArrayList<>();
                int j = 0;
                for (Indicator indicator : standard.indicators()) {
                    double probability = 1 / (1 + Math.exp(-(prevalence(indicator.code()) - 1.2 - z)));
                    boolean deprived = h.persistence()[j % h.persistence().length] < probability;
                    j++;
                    if (indicator.rule() != null && DerivationRule.DEPENDANTS.equals(indicator.rule().answer())) {
                        int half = h.members() / 2;
                        dependants = String.valueOf(deprived ? Math.min(h.members(), half + 1)
                                : Math.min(half, (int) (h.persistence()[15] * (half + 1))));
                        flags.add("");
                    } else if (indicator.rule() != null) {
                        BigDecimal limit = BigDecimal.valueOf(8L * h.members());
                        BigDecimal area = deprived
                                ? limit.subtract(BigDecimal.valueOf(2 + (long) (h.persistence()[14] * 8)))
                                .max(BigDecimal.valueOf(4))
                                : limit.add(BigDecimal.valueOf((long) (h.persistence()[14] * 40))).add(new BigDecimal(
                                        "0.5"));
                        floorArea = area.setScale(1, RoundingMode.HALF_UP).toPlainString();
                        flags.add("");
                    } else {
                        flags.add(deprived ? "1" : "0");
                    }
                }
                cells.add(dependants);
                cells.add(floorArea);
                cells.addAll(flags);
                out.write(String.join(",", cells));
                out.write('\n');
            }
        }
        return file;
    }

    /** How common a deprivation is at the poverty line (the logistic intercept); water and insurance are rarer. */
    private static double prevalence(String indicator) {
        return switch (indicator) {
            case "LATRINE", "HOUSING_QUALITY", "ADULT_EDUCATION" -> 0.3;
            case "EMPLOYMENT", "DEPENDANTS", "NUTRITION", "DOMESTIC_WATER" -> -0.4;
            case "HOUSING_AREA", "INFO_DEVICES", "WASTE" -> -0.7;
            case "HEALTH_INSURANCE", "CHILD_SCHOOLING", "TELECOM" -> -1.4;
            default -> -1.0;
        };
    }
}
