package vn.giamngheo.report.poverty.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The communes before and after the 01/07/2025 reform, the former district of each, and which new unit each former
 * commune became. A code means a different area before and after the reform (a new unit keeps one predecessor's
 * code), so every lookup names the review year. Codes it does not know are kept as they are and reported under
 * {@link #UNMAPPED} where a former district is asked for.
 */
public record UnitCrosswalk(String description, String provinceCode, String provinceName, LocalDate reformDate,
                            int firstReviewYearOnNewUnits, List<FormerDistrict> formerDistricts,
                            List<FormerCommune> formerCommunes, List<Commune> communes) {

    public static final String UNMAPPED = "UNMAPPED";
    public static final String UNMAPPED_NAME = "Chưa có trong bảng chuyển đổi đơn vị";

    public record FormerDistrict(String code, String name) {
    }

    public record FormerCommune(String code, String name, String formerDistrictCode, AreaType areaType,
                                String successorCode) {
    }

    public record Commune(String code, String name, String formerDistrictCode, List<String> predecessorCodes) {
    }

    /** A commune as the review year knows it. */
    public record CommuneRef(String code, String name, String formerDistrictCode) {
    }

    public UnitCrosswalk {
        formerDistricts = List.copyOf(formerDistricts);
        formerCommunes = List.copyOf(formerCommunes);
        communes = List.copyOf(communes);
        Map<String, Commune> current = new HashMap<>();
        communes.forEach(c -> current.put(c.code(), c));
        for (FormerCommune former : formerCommunes) {
            Commune successor = current.get(former.successorCode());
            if (successor == null || !successor.predecessorCodes().contains(former.code())) {
                throw new IllegalArgumentException("Crosswalk: " + former.code() + " → " + former.successorCode()
                        + " is not matched by the successor's predecessor list");
            }
        }
    }

    public boolean onNewUnits(int reviewYear) {
        return reviewYear >= firstReviewYearOnNewUnits;
    }

    public Optional<CommuneRef> commune(String code, int reviewYear) {
        if (onNewUnits(reviewYear)) {
            return communes.stream().filter(c -> c.code().equals(code)).findFirst()
                    .map(c -> new CommuneRef(c.code(), c.name(), c.formerDistrictCode()));
        }
        return formerCommunes.stream().filter(c -> c.code().equals(code)).findFirst()
                .map(c -> new CommuneRef(c.code(), c.name(), c.formerDistrictCode()));
    }

    /** The name of a commune in a review year; the code itself when the crosswalk does not know it. */
    public String communeName(String code, int reviewYear) {
        return commune(code, reviewYear).map(CommuneRef::name).orElse("Xã/phường " + code);
    }

    /** The former district (until 30/06/2025) a commune belonged to, or {@link #UNMAPPED}. */
    public String formerDistrictOf(String communeCode, int reviewYear) {
        return commune(communeCode, reviewYear).map(CommuneRef::formerDistrictCode).orElse(UNMAPPED);
    }

    public String formerDistrictName(String districtCode) {
        return formerDistricts.stream().filter(d -> d.code().equals(districtCode)).map(FormerDistrict::name)
                .findFirst().orElse(UNMAPPED.equals(districtCode) ? UNMAPPED_NAME : "Huyện " + districtCode);
    }

    /**
     * The code a commune of {@code fromYear} has in {@code toYear}'s units: its successor when the reform lies
     * between the two review years, itself otherwise (and when unknown), so merged communes add up instead of
     * vanishing.
     */
    public String codeIn(String communeCode, int fromYear, int toYear) {
        if (!onNewUnits(fromYear) && onNewUnits(toYear)) {
            return formerCommunes.stream().filter(c -> c.code().equals(communeCode)).findFirst()
                    .map(FormerCommune::successorCode).orElse(communeCode);
        }
        return communeCode;
    }

    /**
     * Why a code cannot be used in a review year: a former commune that no longer exists after the reform (its code
     * was not kept by the new unit). Empty when the code is fine or unknown.
     */
    public Optional<String> retiredIn(String communeCode, int reviewYear) {
        if (!onNewUnits(reviewYear) || communes.stream().anyMatch(c -> c.code().equals(communeCode))) {
            return Optional.empty();
        }
        return formerCommunes.stream().filter(c -> c.code().equals(communeCode)).findFirst()
                .map(c -> c.name() + " (" + c.code() + ") không còn từ " + reformDate + "; nay thuộc "
                        + communeName(c.successorCode(), reviewYear) + " (" + c.successorCode() + ")");
    }
}
