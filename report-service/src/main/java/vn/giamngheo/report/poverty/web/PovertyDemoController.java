package vn.giamngheo.report.poverty.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.report.poverty.demo.DemoReviews;

@RestController
@RequestMapping("/api/v1/poverty/demo")
@Tag(name = "Poverty review demo data", description = "DỮ LIỆU MÔ PHỎNG: synthetic reviews for trying the suite out")
public class PovertyDemoController {

    private final DemoReviews demo;

    public PovertyDemoController(DemoReviews demo) {
        this.demo = demo;
    }

    @PostMapping
    @Operation(summary = "Generate and publish SYNTHETIC reviews of the demo communes (Quỳnh Nhai, Vân Hồ) for the "
            + "given years — about 20% poor + near-poor in 2022 falling to about 10% in 2025, higher among ethnic "
            + "minorities. Deterministic for a seed; years already published are left alone. Admin only")
    public DemoReviews.Outcome generate(@RequestParam(defaultValue = "2024") long seed,
                                        @RequestParam(defaultValue = "6000") @Min(100) @Max(200_000) int households,
                                        @RequestParam(defaultValue = "2022,2025") List<Integer> years) {
        return demo.generate(seed, households, years);
    }
}
