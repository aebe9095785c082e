package vn.giamngheo.report.poverty.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventCatalog;
import vn.giamngheo.contracts.census.HouseholdReviewRecorded;
import vn.giamngheo.report.poverty.domain.DerivationRule;
import vn.giamngheo.report.poverty.domain.HouseholdRowParser;
import vn.giamngheo.report.poverty.domain.RowError;
import vn.giamngheo.report.poverty.household.HouseholdStore;
import vn.giamngheo.report.poverty.imports.ImportService;
import vn.giamngheo.report.poverty.review.ReviewCommands;
import vn.giamngheo.support.consume.IncomingEvent;
import vn.giamngheo.support.consume.IncomingEventReader;
import vn.giamngheo.support.consume.PoisonEventException;
import vn.giamngheo.support.domain.DomainException;

/**
 * Intake from the labour department's systems on census.households: each record is checked against its schema
 * (envelope and JSON) and then validated exactly like a CSV row against the year's standard. A record that can never
 * be accepted — invalid, for a year no standard covers, for a published review — goes to
 * census.households.report-service.dlt with the reasons; a redelivery or an older version changes nothing.
 */
@Configuration
public class CensusHouseholdIntake {

    @Bean
    Consumer<Message<byte[]>> censusHouseholds(IncomingEventReader reader, ImportService imports,
                                               ReviewCommands reviews, HouseholdStore households, Clock clock) {
        return message -> {
            IncomingEvent event = reader.read(message);
            if (!event.isAbout(EventCatalog.CENSUS_HOUSEHOLD)) {
                return;
            }
            HouseholdReviewRecorded record = (HouseholdReviewRecorded) event.payload();
            try {
                HouseholdRowParser parser = imports.parser(record.reviewYear());
                List<String> unknown = record.deprivations().keySet().stream()
                        .filter(code -> parser.standard().indicator(code).isEmpty()).sorted().toList();
                if (!unknown.isEmpty()) {
                    throw new PoisonEventException("Indicators not in " + parser.standard().code() + ": " + unknown);
                }
                HouseholdRowParser.Outcome outcome = parser.parse(row(record), 0);
                if (!outcome.accepted()) {
                    throw new PoisonEventException(event.type() + " " + event.subject() + " is not valid: "
                            + String.join("; ", outcome.errors().stream().map(CensusHouseholdIntake::describe)
                            .toList()));
                }
                reviews.ensureOpen(record.reviewYear());
                households.applyIntake(outcome.record(), record.version(), clock.instant());
            } catch (DomainException e) {
                // a year without a standard, a published review: retrying cannot help, the sender must act
                throw new PoisonEventException(event.type() + " " + event.subject() + " refused: " + e.getMessage(),
                        e);
            }
        };
    }

    /** The record as a row, so that intake and uploads are validated by the very same rules. */
    static Map<String, String> row(HouseholdReviewRecorded record) {
        Map<String, String> row = new HashMap<>();
        put(row, HouseholdRowParser.HOUSEHOLD_CODE, record.householdCode());
        put(row, HouseholdRowParser.COMMUNE_CODE, record.communeCode());
        put(row, HouseholdRowParser.AREA_TYPE, record.areaType());
        put(row, HouseholdRowParser.ETHNIC_GROUP, record.ethnicGroup());
        put(row, HouseholdRowParser.MEMBERS, String.valueOf(record.members()));
        put(row, HouseholdRowParser.INCOME, String.valueOf(record.monthlyIncomePerCapita()));
        put(row, DerivationRule.DEPENDANTS, record.dependantCount() == null ? null
                : record.dependantCount().toString());
        put(row, DerivationRule.FLOOR_AREA, record.floorAreaM2() == null ? null : record.floorAreaM2().toPlainString());
        record.deprivations().forEach((code, deprived) -> put(row, code, deprived == null ? null
                : deprived ? "1" : "0"));
        return row;
    }

    private static void put(Map<String, String> row, String column, String value) {
        if (value != null) {
            row.put(column.toLowerCase(Locale.ROOT), value);
        }
    }

    private static String describe(RowError error) {
        return error.field() + ": " + error.message();
    }
}
