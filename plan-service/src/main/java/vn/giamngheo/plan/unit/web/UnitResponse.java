package vn.giamngheo.plan.unit.web;

import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.plan.unit.domain.Unit;
import vn.giamngheo.plan.unit.domain.UnitKind;
import vn.giamngheo.support.outbox.Versioned;

public record UnitResponse(String code, long version, UnitKind kind, String nameVi, String nameEn, String parentCode,
                           LocalDate validFrom, LocalDate validTo, List<String> successorCodes) {

    static UnitResponse of(Versioned<Unit> versioned) {
        Unit u = versioned.state();
        return new UnitResponse(u.code(), versioned.version(), u.kind(), u.nameVi(), u.nameEn(), u.parentCode(),
                u.validFrom(), u.validTo(), u.successorCodes());
    }
}
