package vn.giamngheo.report.poverty.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import vn.giamngheo.report.poverty.domain.AreaType;
import vn.giamngheo.report.poverty.domain.ClassificationResult;
import vn.giamngheo.report.poverty.domain.EthnicGroups;
import vn.giamngheo.report.poverty.domain.HouseholdRecord;
import vn.giamngheo.report.poverty.domain.PovertyStandard;
import vn.giamngheo.report.poverty.domain.UnitCrosswalk;
import vn.giamngheo.report.poverty.household.HouseholdStore;

/** A household in one review: its answers, its classification with the reasons, and where the record came from. */
public record HouseholdResponse(int year, String householdCode, String communeCode, String communeName,
                                String formerDistrictCode, AreaType areaType, String ethnicGroup,
                                boolean ethnicMinority, int members, long monthlyIncomePerCapita,
                                Integer dependantCount, BigDecimal floorAreaM2, List<String> deprived,
                                ClassificationResult classification, String source, String importId, Long line,
                                Long intakeVersion, Instant updatedAt) {

    static HouseholdResponse of(HouseholdStore.Stored stored, PovertyStandard standard, UnitCrosswalk units,
                                EthnicGroups ethnicGroups) {
        HouseholdRecord r = stored.record();
        return new HouseholdResponse(r.year(), r.householdCode(), r.communeCode(),
                units.communeName(r.communeCode(), r.year()), units.formerDistrictOf(r.communeCode(), r.year()),
                r.areaType(), r.ethnicGroup(), !ethnicGroups.isKinh(r.ethnicGroup()), r.members(),
                r.monthlyIncomePerCapita(), r.dependants(), r.floorAreaM2(), r.deprived(), r.classify(standard),
                stored.source(), stored.importId(), stored.line(), stored.intakeVersion(), stored.updatedAt());
    }
}
