package vn.giamngheo.task.task.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.giamngheo.task.task.domain.NewDisseminationSession;

/**
 * A dissemination session (buổi quán triệt) held for a unit's officials: how many attended out of the unit's total.
 * A later session of the same unit is for officials not yet reached.
 */
public record DisseminationSessionRequest(
        @NotNull LocalDate date,
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only")
        String unitCode,
        @NotNull @Min(0) Integer officialsAttending,
        @NotNull @Min(1) Integer officialsTotal,
        @Size(max = 2000) String note) {

    NewDisseminationSession toSession() {
        return new NewDisseminationSession(date, unitCode, officialsAttending, officialsTotal, note);
    }
}
