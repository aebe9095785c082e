package vn.giamngheo.plan.unit.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.plan.unit.domain.UnitData;
import vn.giamngheo.plan.unit.domain.UnitKind;

/** A unit's full state as a user states it; the code comes from the path when changing a unit. */
public record UnitRequest(
        @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only") String code,
        @NotNull UnitKind kind,
        @NotBlank @Size(max = 300) String nameVi,
        @NotBlank @Size(max = 300) String nameEn,
        @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only")
        String parentCode,
        @NotNull LocalDate validFrom,
        LocalDate validTo,
        List<@NotBlank @Size(max = 32) String> successorCodes) {

    UnitData toData(String pathCode) {
        return new UnitData(pathCode == null ? code : pathCode, kind, nameVi, nameEn, parentCode, validFrom, validTo,
                successorCodes);
    }
}
