package vn.giamngheo.plan.unit;

import java.util.List;
import vn.giamngheo.plan.unit.domain.UnitImport;
import vn.giamngheo.support.domain.FieldViolation;

/** What an import did, in total and line by line (errors name the line and the column). */
public record ImportReport(int created, int changed, int unchanged, int skipped, int rejected,
                           List<LineOutcome> lines) {

    /** One line's outcome; {@code errors} is empty unless the line was rejected. */
    public record LineOutcome(int line, String code, UnitImport.Action action, List<FieldViolation> errors) {

        static LineOutcome of(UnitImport.Decision decision) {
            return new LineOutcome(decision.line(), decision.code(), decision.action(), decision.errors());
        }

        static LineOutcome failed(UnitImport.Decision decision, FieldViolation error) {
            return new LineOutcome(decision.line(), decision.code(), UnitImport.Action.REJECTED, List.of(error));
        }
    }

    static ImportReport of(List<LineOutcome> lines) {
        return new ImportReport(count(lines, UnitImport.Action.CREATE), count(lines, UnitImport.Action.CHANGE),
                count(lines, UnitImport.Action.UNCHANGED), count(lines, UnitImport.Action.SKIPPED_EXISTING),
                count(lines, UnitImport.Action.REJECTED), List.copyOf(lines));
    }

    private static int count(List<LineOutcome> lines, UnitImport.Action action) {
        return (int) lines.stream().filter(line -> line.action() == action).count();
    }
}
