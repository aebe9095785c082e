package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The demo content on its own: consistent with the services' rules, the reference units and the story it tells. */
class DemoDatasetTest {

    /** The day the demo describes. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final Set<String> TASK_KINDS = Set.of("DISSEMINATION", "IMPLEMENTATION", "INVESTMENT", "REPORTING",
            "INSPECTION");

    private final DemoDataset dataset = DemoDataset.load();
    private final Map<String, DemoDataset.Plan> plansByCode = dataset.plans().stream()
            .collect(Collectors.toMap(DemoDataset.Plan::code, Function.identity()));

    @Test
    void thePlansFormTheSonLaTreeAndThe2026PlanStandsOnItsOwn() {
        assertThat(dataset.plans()).extracting(DemoDataset.Plan::code, DemoDataset.Plan::kind,
                        DemoDataset.Plan::issuingUnitCode, DemoDataset.Plan::parentCode, DemoDataset.Plan::periodStart,
                        DemoDataset.Plan::periodEnd, DemoDataset.Plan::issuedOn)
                .containsExactly(
                        tuple("20-NQ/TU", "RESOLUTION", "TU-14", null, date("2021-12-21"), date("2025-12-31"),
                                date("2021-12-21")),
                        tuple("61/KH-UBND", "PROGRAM_PLAN", "UBND-14", "20-NQ/TU", date("2022-03-03"),
                                date("2025-12-31"), date("2022-03-03")),
                        tuple("45/KH-BDT", "UNIT_PLAN", "BDT-14", "61/KH-UBND", date("2022-03-20"),
                                date("2025-02-28"), date("2022-03-20")),
                        tuple("52/KH-UBND", "ANNUAL_PLAN", "UBND-14", null, date("2026-01-01"), date("2026-12-31"),
                                date("2026-02-20")));
        assertThat(dataset.plans().get(0).title()).isEqualTo("Nghị quyết số 20-NQ/TU ngày 21/12/2021 của Ban Thường "
                + "vụ Tỉnh ủy về giảm nghèo bền vững giai đoạn 2021–2025");
        assertThat(plansByCode.get("45/KH-BDT").title()).contains("số hiệu minh họa");
        assertThat(plansByCode.get("52/KH-UBND").title()).contains("năm 2026").contains("số hiệu minh họa");
        assertThat(plansByCode.get("52/KH-UBND").note()).contains("61/KH-UBND").contains("ended");
        assertThat(dataset.plans()).allSatisfy(plan -> {
            assertThat(plan.title()).contains("giảm nghèo");
            assertThat(plan.issuedOn()).isBetween(plan.periodStart(), plan.periodEnd());
            // The issuing unit exists for the whole plan: BDT-14's plan ends when BDT-14 does.
            assertThat(unit(plan.issuingUnitCode()).validThroughout(plan.periodStart(), plan.periodEnd()))
                    .as(plan.code()).isTrue();
            if (plan.parentCode() != null) {
                DemoDataset.Plan parent = plansByCode.get(plan.parentCode());
                assertThat(dataset.plans().indexOf(parent)).isLessThan(dataset.plans().indexOf(plan));
                assertThat(plan.periodStart()).isAfterOrEqualTo(parent.periodStart());
                assertThat(plan.periodEnd()).isBeforeOrEqualTo(parent.periodEnd());
            }
        });
    }

    @Test
    void plan61HasItsObjectivesAndIndicatorsWithTargetsDerivedForTheDemo() {
        DemoDataset.Plan plan = plansByCode.get("61/KH-UBND");
        assertThat(plan.objectives()).extracting(DemoDataset.Objective::code, DemoDataset.Objective::nameVi)
                .containsExactly(tuple("MT-1", "Giảm tỷ lệ hộ nghèo đa chiều bền vững"),
                        tuple("MT-2", "Giảm nghèo vùng đồng bào dân tộc thiểu số"));
        DemoDataset.Indicator rate = plan.objectives().get(0).indicators().get(0);
        assertThat(rate).extracting(DemoDataset.Indicator::code, DemoDataset.Indicator::direction,
                        DemoDataset.Indicator::unitOfMeasure, DemoDataset.Indicator::baselineYear)
                .containsExactly("TL-HN", "DECREASE", "%", 2021);
        assertThat(rate.baselineValue()).isEqualByComparingTo("21.66");
        assertThat(rate.targets()).allSatisfy(t -> assertThat(t.value()).isEqualByComparingTo(
                rate.baselineValue().subtract(new BigDecimal("1.5").multiply(BigDecimal.valueOf(t.year() - 2021))))
        ).extracting(DemoDataset.Target::year).containsExactly(2022, 2023, 2024, 2025);
        assertThat(rate.note()).contains("DERIVED FOR THE DEMO").contains("not the official targets");
        assertThat(plan.objectives().get(0).indicators().get(1)).satisfies(i -> {
            assertThat(i.code()).isEqualTo("MG-HN");
            assertThat(i.direction()).isEqualTo("REACH");
            assertThat(i.unitOfMeasure()).isEqualTo("điểm %");
            assertThat(i.targets()).hasSize(4).allSatisfy(t -> assertThat(t.value()).isEqualByComparingTo("1.5"));
        });
        assertThat(plan.objectives().get(1).indicators()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo("MG-HN-DTTS");
            assertThat(i.direction()).isEqualTo("REACH");
            assertThat(i.measurementLevel()).isEqualTo("ETHNIC_GROUP");
            assertThat(i.targets()).extracting(DemoDataset.Target::year).containsExactly(2022, 2023, 2024, 2025);
            assertThat(i.targets()).allSatisfy(t -> assertThat(t.value()).isEqualByComparingTo("3"));
        });
        assertThat(plan.revisions()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isNotBlank().contains("minh họa");
            assertThat(r.revisedOn()).isAfter(plan.issuedOn()).isBefore(plan.periodEnd());
            assertThat(r.indicators()).allSatisfy(i -> assertThat(i.objectiveCode()).isIn("MT-1", "MT-2"));
        });
        assertThat(plansByCode.get("45/KH-BDT").objectives()).singleElement()
                .satisfies(o -> assertThat(o.indicators()).singleElement().satisfies(i -> {
                    assertThat(i.direction()).isEqualTo("INCREASE");
                    assertThat(i.targets()).singleElement().satisfies(t -> {
                        assertThat(t.year()).isEqualTo(2022);
                        assertThat(t.value()).isEqualByComparingTo("100");
                    });
                }));
    }

    @Test
    void everyIndicatorKeepsThePlanServicesRules() {
        assertThat(dataset.plans()).allSatisfy(plan -> {
            List<DemoDataset.Indicator> indicators = Stream.concat(
                    plan.objectives().stream().flatMap(o -> o.indicators().stream()),
                    plan.revisions().stream().flatMap(r -> r.indicators().stream())).toList();
            assertThat(plan.objectives()).extracting(DemoDataset.Objective::code).doesNotHaveDuplicates();
            assertThat(indicators).extracting(DemoDataset.Indicator::code).doesNotHaveDuplicates();
            assertThat(indicators).allSatisfy(i -> {
                assertThat(i.direction()).isIn("DECREASE", "INCREASE", "REACH");
                assertThat(i.measurementLevel()).isIn("PROVINCE", "DISTRICT", "COMMUNE", "ETHNIC_GROUP");
                assertThat(i.baselineYear()).isLessThanOrEqualTo(plan.periodEnd().getYear());
                assertThat(i.note()).as(i.code() + " says where its figures come from").isNotBlank();
                assertThat(i.targets()).extracting(t -> t.year() + "/" + t.areaCode()).doesNotHaveDuplicates();
                assertThat(i.targets()).allSatisfy(t -> {
                    assertThat(t.year()).isBetween(plan.periodStart().getYear(), plan.periodEnd().getYear());
                    if (i.direction().equals("DECREASE")) {
                        assertThat(t.value()).isLessThanOrEqualTo(i.baselineValue());
                    } else if (i.direction().equals("INCREASE")) {
                        assertThat(t.value()).isGreaterThanOrEqualTo(i.baselineValue());
                    }
                });
            });
        });
    }

    @Test
    void fundingIsIllustrativeAndFitsItsPlans() {
        assertThat(dataset.plans()).filteredOn(p -> !p.allocations().isEmpty()).extracting(DemoDataset.Plan::code)
                .containsExactly("61/KH-UBND", "52/KH-UBND");
        List<DemoDataset.Allocation> all = dataset.plans().stream().flatMap(p -> p.allocations().stream()).toList();
        assertThat(all).extracting(DemoDataset.Allocation::source).contains("CENTRAL_BUDGET", "LOCAL_BUDGET",
                "INTEGRATED_NEW_RURAL_DEVELOPMENT");
        assertThat(dataset.plans()).allSatisfy(plan -> {
            assertThat(plan.allocations()).extracting(a -> a.objectiveCode() + "|" + a.unitCode() + "|" + a.source()
                    + "|" + a.year()).doesNotHaveDuplicates();
            assertThat(plan.allocations()).allSatisfy(a -> {
                assertThat(a.note()).contains("minh họa");
                assertThat(a.year()).isBetween(plan.periodStart().getYear(), plan.periodEnd().getYear());
                assertThat(plan.objectives()).extracting(DemoDataset.Objective::code).contains(a.objectiveCode());
                DemoDataset.Unit unit = unit(a.unitCode());
                assertThat(unit.validOn(LocalDate.of(a.year(), 1, 1)) || unit.validOn(LocalDate.of(a.year(), 12, 31)))
                        .as(a.unitCode() + " in " + a.year()).isTrue();
                assertThat(a.allocatedAmount()).isPositive();
                assertThat(a.disbursedTotals()).isNotEmpty().isSorted().doesNotHaveDuplicates()
                        .allSatisfy(total -> assertThat(total).isBetween(1L, a.allocatedAmount()));
            });
        });
    }

    @Test
    void everyTaskFitsItsPlanAndItsUnitsExistThroughoutItsDates() {
        assertThat(dataset.tasks()).hasSize(18).extracting(t -> t.planCode() + "|" + t.title())
                .doesNotHaveDuplicates();
        assertThat(dataset.tasks()).allSatisfy(task -> {
            DemoDataset.Plan plan = plansByCode.get(task.planCode());
            assertThat(plan).as(task.title()).isNotNull();
            assertThat(task.kind()).isIn(TASK_KINDS);
            assertThat(task.priority()).isIn(null, "LOW", "NORMAL", "HIGH");
            assertThat(task.startDate()).isBetween(plan.periodStart(), plan.periodEnd());
            LocalDate due = task.finalDueDate(TODAY);
            assertThat(task.dueDate()).isBetween(task.startDate(), due);
            assertThat(due).isBeforeOrEqualTo(plan.periodEnd());
            if (task.objectiveCode() != null) {
                assertThat(plan.objectives()).extracting(DemoDataset.Objective::code).contains(task.objectiveCode());
            }
            assertThat(task.coordinatingUnitCodes()).doesNotContain(task.leadUnitCode()).doesNotHaveDuplicates();
            Stream.concat(Stream.of(task.leadUnitCode()), task.coordinatingUnitCodes().stream()).forEach(code ->
                    assertThat(unit(code).validThroughout(task.startDate(), due))
                            .as(code + " throughout " + task.startDate() + ".." + due + " for " + task.title())
                            .isTrue());
        });
    }

    @Test
    void disseminationSessionsCanBeRecordedAndReachEveryOfficial() {
        assertThat(dataset.tasks()).filteredOn(t -> !t.disseminationSessions().isEmpty()).hasSize(2)
                .allSatisfy(task -> {
                    assertThat(task.kind()).isEqualTo("DISSEMINATION");
                    Map<String, Integer> reached = new HashMap<>();
                    Map<String, Integer> totals = new HashMap<>();
                    for (DemoDataset.Session s : task.disseminationSessions()) {
                        assertThat(s.date()).isBetween(task.startDate(), task.dueDate()).isBeforeOrEqualTo(TODAY);
                        assertThat(unit(s.unitCode()).validOn(s.date())).as(s.unitCode() + " on " + s.date())
                                .isTrue();
                        assertThat(s.officialsAttending()).isBetween(1, s.officialsTotal());
                        assertThat(totals.merge(s.unitCode(), s.officialsTotal(), (a, b) -> a.equals(b) ? a : -1))
                                .as("one number of officials per unit").isPositive();
                        reached.merge(s.unitCode(), s.officialsAttending(), Integer::sum);
                    }
                    assertThat(reached).isEqualTo(totals);
                    assertThat(task.finalStatus()).isEqualTo("DONE");
                });
    }

    @Test
    void progressHistoriesMoveForwardAndEndWhereTheyShould() {
        assertThat(dataset.tasks()).allSatisfy(task -> {
            List<Integer> percents = task.progress().stream().map(DemoDataset.Progress::percentComplete).toList();
            assertThat(percents).isSorted().doesNotHaveDuplicates()
                    .allSatisfy(p -> assertThat(p).isBetween(1, 100));
            assertThat(Stream.of(task.completionNote(), task.blockReason(), task.cancelReason())
                    .filter(s -> s != null).count()).as(task.title()).isLessThanOrEqualTo(1);
            if (task.completionNote() != null) {
                assertThat(task.finalPercent()).isEqualTo(100);
            } else {
                assertThat(task.finalPercent()).isLessThan(100);
            }
            Map<String, BigDecimal> outputs = new HashMap<>();
            for (DemoDataset.Progress p : task.progress()) {
                assertThat(p.note()).isNotBlank();
                assertThat(p.evidenceLinks()).allSatisfy(link -> assertThat(link).startsWith("https://"));
                for (DemoDataset.Output o : p.outputs()) {
                    BigDecimal before = outputs.put(o.indicator(), o.value());
                    if (before != null) {
                        assertThat(o.value()).as("outputs are cumulative").isGreaterThan(before);
                    }
                }
            }
        });
    }

    @Test
    void theTasksShowTheProgramAsOfTheEndOfNovember2026() {
        assertThat(dataset.tasks()).extracting(DemoDataset.Task::planCode, DemoDataset.Task::leadUnitCode,
                        DemoDataset.Task::kind, DemoDataset.Task::finalStatus, DemoDataset.Task::finalPercent,
                        t -> isOpen(t) && t.finalDueDate(TODAY).isBefore(TODAY))
                .containsExactly(
                        tuple("61/KH-UBND", "BDT-14", "DISSEMINATION", "DONE", 100, false),
                        tuple("61/KH-UBND", "STTTT-14", "IMPLEMENTATION", "DONE", 100, false),
                        tuple("61/KH-UBND", "SXD-14", "INVESTMENT", "DONE", 100, false),
                        tuple("61/KH-UBND", "SLDTBXH-14", "IMPLEMENTATION", "IN_PROGRESS", 80, true),
                        tuple("61/KH-UBND", "SYT-14", "IMPLEMENTATION", "DONE", 100, false),
                        tuple("61/KH-UBND", "SNNPTNT-14", "INVESTMENT", "BLOCKED", 40, true),
                        tuple("61/KH-UBND", "SLDTBXH-14", "REPORTING", "DONE", 100, false),
                        tuple("45/KH-BDT", "BDT-14", "INSPECTION", "IN_PROGRESS", 20, true),
                        tuple("61/KH-UBND", "SGDDT-14", "IMPLEMENTATION", "IN_PROGRESS", 90, true),
                        tuple("61/KH-UBND", "H-128", "IMPLEMENTATION", "IN_PROGRESS", 35, true),
                        tuple("52/KH-UBND", "SDTTG-14", "DISSEMINATION", "DONE", 100, false),
                        tuple("52/KH-UBND", "SXD-14", "INVESTMENT", "IN_PROGRESS", 70, false),
                        tuple("52/KH-UBND", "SNNPTNT-14", "IMPLEMENTATION", "IN_PROGRESS", 60, false),
                        tuple("52/KH-UBND", "SLDTBXH-14", "REPORTING", "DONE", 100, false),
                        tuple("52/KH-UBND", "SDTTG-14", "INSPECTION", "IN_PROGRESS", 30, true),
                        tuple("52/KH-UBND", "SYT-14", "IMPLEMENTATION", "IN_PROGRESS", 85, true),
                        tuple("52/KH-UBND", "SLDTBXH-14", "REPORTING", "ASSIGNED", 0, false),
                        tuple("52/KH-UBND", "SAMPLE-XM-VAN-HO", "INVESTMENT", "CANCELLED", 0, false));
        assertThat(task("Hỗ trợ xây mới, sửa chữa nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn huyện nghèo"))
                .satisfies(DemoDatasetTest::showsHousingOutputsAndEvidence);
        assertThat(task("Hỗ trợ xây mới, sửa chữa nhà ở cho hộ nghèo, hộ cận nghèo năm 2026")).satisfies(t -> {
            assertThat(t.priority()).isEqualTo("HIGH");
            assertThat(t.expectedOutput()).isNotBlank();
            assertThat(t.progress()).extracting(DemoDataset.Progress::percentComplete).containsExactly(40, 70);
            assertThat(t.dueDate()).isEqualTo("2026-12-31");
            showsHousingOutputsAndEvidence(t);
        });
        assertThat(task("Hỗ trợ phát triển sinh kế")).satisfies(t -> {
            assertThat(t.dueDate()).isEqualTo("2026-09-30");
            assertThat(t.extension().newDueDate()).isEqualTo("2026-12-31");
            assertThat(t.extension().reason()).isNotBlank();
            assertThat(t.extension().requestedBy()).isNotBlank();
        });
        assertThat(task("Hỗ trợ sửa chữa nhà ở cho hộ nghèo tại xã Vân Hồ").cancelReason()).contains("Trùng nhiệm vụ");
        assertThat(task("Hỗ trợ phát triển sản xuất").blockReason()).isNotBlank();
        assertThat(task("Hỗ trợ học sinh").coordinatingUnitCodes()).containsExactly("H-118", "H-128");
        assertThat(task("Hỗ trợ học sinh").dueDate()).isBefore(LocalDate.of(2025, 6, 30));
    }

    @Test
    void anExtensionIsMovedToTomorrowOnlyWhenItsDateHasCome() {
        DemoDataset.Extension extension = task("Hỗ trợ phát triển sinh kế").extension();
        assertThat(extension.effectiveDueDate(TODAY)).isEqualTo("2026-12-31");
        assertThat(extension.effectiveDueDate(LocalDate.of(2026, 12, 30))).isEqualTo("2026-12-31");
        assertThat(extension.effectiveDueDate(LocalDate.of(2026, 12, 31))).isEqualTo("2027-01-01");
        assertThat(extension.effectiveDueDate(LocalDate.of(2027, 3, 1))).isEqualTo("2027-03-02");
    }

    @Test
    void theUnitsAreThePlanServicesReferenceUnits() throws IOException {
        Map<String, CSVRecord> reference = referenceUnits();
        Set<String> used = new HashSet<>();
        dataset.plans().forEach(p -> {
            used.add(p.issuingUnitCode());
            p.allocations().forEach(a -> used.add(a.unitCode()));
        });
        dataset.tasks().forEach(t -> {
            used.add(t.leadUnitCode());
            used.addAll(t.coordinatingUnitCodes());
            t.disseminationSessions().forEach(s -> used.add(s.unitCode()));
        });
        assertThat(dataset.units().keySet()).isEqualTo(used);
        assertThat(dataset.units()).allSatisfy((code, unit) -> {
            CSVRecord row = reference.get(code);
            assertThat(row).as(code + " in the plan-service's reference units").isNotNull();
            assertThat(unit.nameVi()).isEqualTo(row.get("nameVi"));
            assertThat(unit.validFrom()).isEqualTo(row.get("validFrom"));
            assertThat(unit.validTo() == null ? "" : unit.validTo().toString()).as(code).isEqualTo(row.get("validTo"));
        });
    }

    @Test
    void theTextKeepsItsVietnameseDiacritics() {
        assertThat(dataset.units()).extractingByKey("SLDTBXH-14").extracting(DemoDataset.Unit::nameVi)
                .isEqualTo("Sở Lao động – Thương binh và Xã hội tỉnh Sơn La");
        assertThat(dataset.units().get("H-128").nameVi()).isEqualTo("Huyện Vân Hồ");
        assertThat(dataset.units().get("SAMPLE-XM-SONG-KHUA").nameVi()).isEqualTo("Xã Song Khủa");
        assertThat(dataset.tasks()).anySatisfy(t -> assertThat(t.title()).startsWith("Quán triệt"));
        assertThat(dataset.note()).contains("minh họa").contains("illustrative");
    }

    private static void showsHousingOutputsAndEvidence(DemoDataset.Task task) {
        assertThat(task.progress()).allSatisfy(p -> assertThat(p.outputs()).extracting(DemoDataset.Output::indicator)
                .containsExactly("Số hộ được hỗ trợ nhà ở"));
        assertThat(task.progress()).anySatisfy(p -> assertThat(p.evidenceLinks()).isNotEmpty());
    }

    private static boolean isOpen(DemoDataset.Task task) {
        return !task.finalStatus().equals("DONE") && !task.finalStatus().equals("CANCELLED");
    }

    private DemoDataset.Task task(String titleStart) {
        List<DemoDataset.Task> found = dataset.tasks().stream().filter(t -> t.title().startsWith(titleStart)).toList();
        assertThat(found).as(titleStart).hasSize(1);
        return found.get(0);
    }

    private DemoDataset.Unit unit(String code) {
        DemoDataset.Unit unit = dataset.units().get(code);
        assertThat(unit).as("unit " + code + " in the demo file").isNotNull();
        return unit;
    }

    private static Map<String, CSVRecord> referenceUnits() throws IOException {
        Path dir = ProjectRoot.locate().resolve("plan-service/src/main/resources/reference-data/units");
        Map<String, CSVRecord> units = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get()
                            .parse(in).forEach(row -> units.put(row.get("code"), row));
                }
            }
        }
        assertThat(units).as("reference units in " + dir).isNotEmpty();
        return units;
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
