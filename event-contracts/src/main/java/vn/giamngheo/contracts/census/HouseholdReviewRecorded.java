package vn.giamngheo.contracts.census;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * Intake from the labour department's systems on {@code census.households}: one household's answers in a yearly
 * poverty review. The record key is {@code <reviewYear>:<householdCode>}. {@code version} is the sender's revision of
 * this household's record for that year (1, 2, 3 …): a correction is sent with a higher version, and a redelivered or
 * older one is ignored. {@code deprivations} maps indicator codes of the year's standard to deprived or not;
 * {@code dependantCount} and {@code floorAreaM2} are raw answers from which the dependants and housing-area flags follow
 * when those flags are left out.
 */
@EventType("census.HouseholdReviewRecorded.v1")
public record HouseholdReviewRecorded(
        String householdCode,
        long version,
        int reviewYear,
        String communeCode,
        String areaType,
        String ethnicGroup,
        int members,
        long monthlyIncomePerCapita,
        Integer dependantCount,
        BigDecimal floorAreaM2,
        Map<String, Boolean> deprivations,
        Instant occurredAt) implements DomainEvent {

    /** The topic the labour department's systems send these records to. */
    public static final String TOPIC = "census.households";

    @Override
    public String subject() {
        return reviewYear + ":" + householdCode;
    }
}
