package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDatasetTest {

    private static final Set<String> TASK_KINDS = Set.of("DISSEMINATION", "IMPLEMENTATION", "INVESTMENT", "REPORTING",
            "INSPECTION");

    private final DemoDataset dataset = DemoDataset.load();
    private final Map<String, DemoDataset.Plan> plansByCode = dataset.plans().stream()
            .collect(Collectors.toMap(DemoDataset.Plan::code, Function.identity()));

    @Test
    void thePlansFormTheChainFromTheResolutionDown() {
        assertThat(dataset.plans()).extracting(DemoDataset.Plan::code, DemoDataset.Plan::kind,
                        DemoDataset.Plan::issuingUnitCode, DemoDataset.Plan::parentCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("20-NQ/TU", "RESOLUTION", "TU-14", null),
                        org.assertj.core.groups.Tuple.tuple("61/KH-UBND", "PROGRAM_PLAN", "UBND-14", "20-NQ/TU"),
                        org.assertj.core.groups.Tuple.tuple("45/KH-BDT", "UNIT_PLAN", "BDT-14", "61/KH-UBND"));
        assertThat(dataset.plans().get(0).title()).isEqualTo("Nghị quyết số 20-NQ/TU ngày 21/12/2021 của Ban Thường "
                + "vụ Tỉnh ủy về giảm nghèo bền vững giai đoạn 2021–2025");
        assertThat(dataset.plans()).allSatisfy(plan -> {
            assertThat(plan.issuedOn()).isBetween(plan.periodStart(), plan.periodEnd());
            if (plan.parentCode() != null) {
                DemoDataset.Plan parent = plansByCode.get(plan.parentCode());
                assertThat(plan.periodStart()).isAfterOrEqualTo(parent.periodStart());
                assertThat(plan.periodEnd()).isBeforeOrEqualTo(parent.periodEnd());
            }
        });
    }

    @Test
    void everyTaskFitsItsPlanAndNamesKnownUnits() {
        assertThat(dataset.tasks()).hasSizeBetween(8, 10).allSatisfy(task -> {
            DemoDataset.Plan plan = plansByCode.get(task.planCode());
            assertThat(plan).as(task.title()).isNotNull();
            assertThat(task.kind()).isIn(TASK_KINDS);
            assertThat(task.startDate()).isBetween(plan.periodStart(), plan.periodEnd());
            assertThat(task.dueDate()).isBetween(task.startDate(), plan.periodEnd());
            assertThat(dataset.units()).containsKey(task.leadUnitCode());
            assertThat(dataset.units().keySet()).containsAll(task.coordinatingUnitCodes());
            assertThat(task.progress()).allSatisfy(p -> assertThat(p.percentComplete()).isBetween(1, 100));
        });
    }

    @Test
    void theTasksShowEveryStateADashboardNeeds() {
        assertThat(dataset.tasks()).filteredOn(t -> t.completionNote() != null).hasSizeBetween(1, 2)
                .allSatisfy(done -> assertThat(done.progress()).last()
                        .satisfies(p -> assertThat(p.percentComplete()).isEqualTo(100)));
        assertThat(dataset.tasks()).filteredOn(t -> t.blockReason() != null).hasSize(1);
        assertThat(dataset.tasks()).filteredOn(t -> t.completionNote() == null && !t.progress().isEmpty())
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(dataset.tasks()).filteredOn(t -> t.completionNote() == null)
                .anySatisfy(t -> assertThat(t.dueDate()).isBefore(java.time.LocalDate.of(2024, 1, 1)));
        assertThat(dataset.tasks()).extracting(DemoDataset.Task::leadUnitCode)
                .contains("BDT-14", "SLDTBXH-14", "SNNPTNT-14", "SYT-14", "SGDDT-14", "SXD-14", "STTTT-14", "H-128");
    }

    @Test
    void theTextKeepsItsVietnameseDiacritics() {
        assertThat(dataset.units()).containsEntry("SLDTBXH-14", "Sở Lao động – Thương binh và Xã hội")
                .containsEntry("H-118", "Huyện Quỳnh Nhai")
                .containsEntry("H-128", "Huyện Vân Hồ");
        assertThat(dataset.tasks()).anySatisfy(t -> assertThat(t.title()).contains("Quán triệt"));
    }
}
