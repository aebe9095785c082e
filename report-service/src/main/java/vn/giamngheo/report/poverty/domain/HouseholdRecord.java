package vn.giamngheo.report.poverty.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One household in one review year, as validated: the answers, not the outcome. The classification is derived from
 * the year's standard whenever it is needed, so a corrected standard applies to every household at once.
 *
 * @param deprived the indicator codes the household is deprived in, in the standard's order
 */
public record HouseholdRecord(int year, String householdCode, String communeCode, AreaType areaType,
                              String ethnicGroup, int members, long monthlyIncomePerCapita, Integer dependants,
                              BigDecimal floorAreaM2, List<String> deprived) {

    public HouseholdRecord {
        deprived = List.copyOf(deprived);
    }

    public ClassificationResult classify(PovertyStandard standard) {
        return standard.classify(areaType, monthlyIncomePerCapita, deprived);
    }

    /** The classification without its reasons; see {@link PovertyStandard#classification}. */
    public Classification classification(PovertyStandard standard) {
        return standard.classification(areaType, monthlyIncomePerCapita,
                standard.countedDeprivations(deprived).size());
    }

    /**
     * A fingerprint of everything the record says: equal records have equal fingerprints, so importing the same
     * household again is recognised and changes nothing.
     */
    public String fingerprint() {
        String canonical = String.join("|", String.valueOf(year), householdCode, communeCode, areaType.name(),
                ethnicGroup, String.valueOf(members), String.valueOf(monthlyIncomePerCapita),
                dependants == null ? "" : dependants.toString(),
                floorAreaM2 == null ? "" : floorAreaM2.stripTrailingZeros().toPlainString(),
                String.join(",", deprived));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
