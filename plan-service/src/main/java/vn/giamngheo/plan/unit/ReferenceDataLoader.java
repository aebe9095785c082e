package vn.giamngheo.plan.unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.giamngheo.plan.unit.domain.UnitImport;

/**
 * Loads the shipped reference units (Sơn La's province, former districts, agencies and a sample of communes) on
 * start-up, through the same import as users' CSV files, so every reference unit is also announced on plan.events.
 * Units already stored are left as they are: a user's correction is never undone by a restart.
 */
@Component
@ConditionalOnProperty(name = "giamngheo.units.seed-reference-data", havingValue = "true", matchIfMissing = true)
class ReferenceDataLoader implements ApplicationRunner {

    static final String LOCATION = "classpath:reference-data/units/*.csv";
    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

    private final UnitCommands commands;

    ReferenceDataLoader(UnitCommands commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        ImportReport report = commands.importUnits(referenceLines(), UnitImport.Mode.ONLY_ABSENT);
        if (report.rejected() > 0) {
            // The shipped files are checked by a unit test; a rejection here means stored data contradicts them.
            log.warn("Reference units not loaded: {}", report.lines().stream()
                    .filter(line -> line.action() == UnitImport.Action.REJECTED).toList());
        }
        log.info("Reference units: {} added, {} already present, {} rejected", report.created(), report.skipped(),
                report.rejected());
    }

    /** All lines of the shipped files, in file-name order. */
    static List<UnitImport.Line> referenceLines() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            List<UnitImport.Line> lines = new ArrayList<>();
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    lines.addAll(UnitCsv.read(in.readAllBytes()));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the reference units", e);
        }
    }
}
