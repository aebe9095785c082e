package vn.giamngheo.task.task.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import vn.giamngheo.contracts.task.QuantitativeOutput;
import vn.giamngheo.task.task.domain.ProgressUpdate;

/**
 * A progress report: the new total percentage (not a delta) and a note; optionally http(s) evidence links,
 * quantitative outputs reached so far, and — only needed when the percentage goes down — the correction reason.
 */
public record ProgressRequest(@NotNull @Min(0) @Max(100) Integer percentComplete,
                              @NotBlank @Size(max = 4000) String note,
                              @Size(max = 20) List<@NotBlank @Size(max = 2000) String> evidenceLinks,
                              @Size(max = 20) List<@NotNull @Valid Output> outputs,
                              @Size(max = 2000) String correctionReason) {

    /** E.g. {@code {"indicator": "Số hộ được hỗ trợ nhà ở", "value": 120, "unit": "hộ"}}. */
    public record Output(@NotBlank @Size(max = 200) String indicator,
                         @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal value,
                         @Size(max = 50) String unit) {
    }

    ProgressUpdate toUpdate() {
        return new ProgressUpdate(percentComplete, note, evidenceLinks,
                outputs == null ? List.of() : outputs.stream()
                        .map(o -> new QuantitativeOutput(o.indicator(), o.value(), o.unit())).toList(),
                correctionReason);
    }
}
