package vn.giamngheo.plan.unit.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import vn.giamngheo.support.domain.FieldViolation;

/**
 * The rules between units: a parent must exist on the day its child begins, and a successor must exist on the day
 * after its predecessor ends, so that "what became of X" always lands on units that really follow it.
 */
public final class UnitReferences {

    private UnitReferences() {
    }

    public static List<FieldViolation> violations(UnitData data, Function<String, Optional<Unit>> units) {
        List<FieldViolation> violations = new ArrayList<>();
        if (data.parentCode() != null && data.validFrom() != null) {
            Optional<Unit> parent = units.apply(data.parentCode());
            if (parent.isEmpty()) {
                violations.add(new FieldViolation("parentCode", "no unit " + data.parentCode()));
            } else if (!parent.get().validOn(data.validFrom())) {
                violations.add(new FieldViolation("parentCode", "unit " + data.parentCode() + " does not exist on "
                        + data.validFrom() + ", the day this unit begins"));
            }
        }
        if (data.validTo() != null) {
            for (String code : data.successorCodes()) {
                Optional<Unit> successor = units.apply(code);
                if (successor.isEmpty()) {
                    violations.add(new FieldViolation("successorCodes", "no unit " + code));
                } else if (!successor.get().validOn(data.validTo().plusDays(1))) {
                    violations.add(new FieldViolation("successorCodes", "unit " + code + " does not exist on "
                            + data.validTo().plusDays(1) + ", the day after this unit ends"));
                }
            }
        }
        return violations;
    }
}
