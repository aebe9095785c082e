package vn.giamngheo.plan.unit.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit as a user or a CSV line states it; text is trimmed and blanks become null, so the same line always yields the
 * same unit and a re-import of an unchanged file changes nothing.
 */
public record UnitData(String code, UnitKind kind, String nameVi, String nameEn, String parentCode,
                       LocalDate validFrom, LocalDate validTo, List<String> successorCodes) {

    public UnitData {
        code = clean(code);
        nameVi = clean(nameVi);
        nameEn = clean(nameEn);
        parentCode = clean(parentCode);
        List<String> successors = new ArrayList<>();
        for (String successor : successorCodes == null ? List.<String>of() : successorCodes) {
            String cleaned = clean(successor);
            if (cleaned != null && !successors.contains(cleaned)) {
                successors.add(cleaned);
            }
        }
        successorCodes = List.copyOf(successors);
    }

    private static String clean(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip();
    }
}
