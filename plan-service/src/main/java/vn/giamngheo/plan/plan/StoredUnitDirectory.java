package vn.giamngheo.plan.plan;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.giamngheo.plan.plan.domain.UnitDirectory;
import vn.giamngheo.plan.unit.UnitStore;

/** Plans look units up in the service's own units collection (the plan-service owns both). */
@Component
class StoredUnitDirectory implements UnitDirectory {

    private final UnitStore units;

    StoredUnitDirectory(UnitStore units) {
        this.units = units;
    }

    @Override
    public Optional<Validity> find(String unitCode) {
        return units.find(unitCode).map(unit -> new Validity(unit.validFrom(), unit.validTo()));
    }
}
