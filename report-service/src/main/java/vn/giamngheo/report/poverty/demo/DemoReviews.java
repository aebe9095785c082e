package vn.giamngheo.report.poverty.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.giamngheo.report.poverty.PovertyProperties;
import vn.giamngheo.report.poverty.domain.PovertyReview;
import vn.giamngheo.report.poverty.domain.PovertyStandards;
import vn.giamngheo.report.poverty.domain.ReviewStatus;
import vn.giamngheo.report.poverty.domain.UnitCrosswalk;
import vn.giamngheo.report.poverty.household.HouseholdStore;
import vn.giamngheo.report.poverty.imports.ImportService;
import vn.giamngheo.report.poverty.imports.ImportStatus;
import vn.giamngheo.report.poverty.review.ReviewCommands;
import vn.giamngheo.report.poverty.review.ReviewStore;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.outbox.Versioned;

/**
 * Generates and publishes SYNTHETIC reviews for the demo communes: the generated CSV goes through the ordinary import
 * (marked DEMO) and the review is published, so the demo shows every part — rates, movements across the merged
 * communes, MPI, events, indicator actuals. A year already published is left alone, so calling it twice is harmless.
 */
@Service
public class DemoReviews {

    /** What happened to one year. */
    public record YearOutcome(int year, String reviewId, String outcome, String importId, long households,
                              long rejected, String multidimensionalPovertyRate) {
    }

    /** The outcome of a generation. */
    public record Outcome(boolean synthetic, String noteVi, long seed, int households, List<YearOutcome> years) {
    }

    private final ImportService imports;
    private final ReviewCommands commands;
    private final ReviewStore reviews;
    private final PovertyStandards standards;
    private final UnitCrosswalk units;
    private final PovertyProperties properties;

    public DemoReviews(ImportService imports, ReviewCommands commands, ReviewStore reviews,
                       PovertyStandards standards, UnitCrosswalk units, PovertyProperties properties) {
        this.imports = imports;
        this.commands = commands;
        this.reviews = reviews;
        this.standards = standards;
        this.units = units;
        this.properties = properties;
    }

    public Outcome generate(long seed, int households, List<Integer> years) {
        List<Integer> sorted = years.stream().distinct().sorted().toList();
        if (sorted.isEmpty()) {
            throw new InvalidInputException("years", "name at least one review year");
        }
        sorted.forEach(standards::forYear);
        DemoHouseholds demo = new DemoHouseholds(seed, households, units);
        List<YearOutcome> outcomes = new ArrayList<>();
        for (int year : sorted) {
            String id = PovertyReview.idOf(properties.provinceCode(), year);
            var existing = reviews.find(id);
            if (existing.isPresent() && existing.get().state().status() == ReviewStatus.PUBLISHED) {
                outcomes.add(outcome(year, existing.get(), "ALREADY_PUBLISHED", null, 0));
                continue;
            }
            Path file = null;
            try {
                file = Files.createTempFile("du-lieu-mo-phong-" + year + "-", ".csv");
                demo.writeCsv(year, sorted.get(0), standards.forYear(year), file);
                ImportStatus status = imports.importNow(year, file, ImportService.Format.CSV,
                        HouseholdStore.Source.DEMO, "DỮ LIỆU MÔ PHỎNG (synthetic) seed=" + seed + " năm " + year);
                Versioned<PovertyReview> published = commands.publish(year, null);
                outcomes.add(outcome(year, published, "PUBLISHED", status.id(), status.rejected()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteQuietly(file);
            }
        }
        return new Outcome(true, "DỮ LIỆU MÔ PHỎNG — không phải số liệu thật về hộ gia đình nào (synthetic data)",
                seed, households, outcomes);
    }

    private static YearOutcome outcome(int year, Versioned<PovertyReview> review, String what, String importId,
                                       long rejected) {
        var province = review.state().publishedRates().stream()
                .filter(r -> r.kind() == vn.giamngheo.report.poverty.domain.AreaKind.PROVINCE).findFirst();
        return new YearOutcome(year, review.id(), what, importId, province.map(r -> r.households()).orElse(0L),
                rejected, province.map(r -> r.multidimensionalPovertyRate().toPlainString()).orElse(null));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
