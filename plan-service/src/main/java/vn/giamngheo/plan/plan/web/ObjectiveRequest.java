package vn.giamngheo.plan.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.giamngheo.plan.plan.domain.ObjectiveInput;

/** An objective; when renaming one the code comes from the path and may be left out. */
public record ObjectiveRequest(
        @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, . _ and - only")
        String code,
        @NotBlank @Size(max = 500) String nameVi,
        @Size(max = 500) String nameEn) {

    ObjectiveInput toInput() {
        return new ObjectiveInput(code, nameVi, nameEn);
    }
}
