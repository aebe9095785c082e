package vn.giamngheo.report.monitoring;

import static vn.giamngheo.report.fixtures.Events.on;
import static vn.giamngheo.report.fixtures.Events.target;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.plan.IndicatorSnapshot;
import vn.giamngheo.contracts.plan.ObjectiveSnapshot;
import vn.giamngheo.report.fixtures.Events.Allocation;
import vn.giamngheo.report.fixtures.Events.Plan;
import vn.giamngheo.report.fixtures.Events.Task;

/**
 * Realistic data in the shape of the Sơn La demo: Resolution 20-NQ/TU → Plan 61/KH-UBND (with its poverty-rate and
 * health-insurance indicators) → the Ethnic Affairs Committee's and the Labour department's own plans; fifteen tasks
 * carried out from 2022 to 2025 (on time, late, extended, blocked, cancelled, overdue, dissemination sessions) and
 * seven funding allocations from several sources.
 */
final class SonLaProgram {

    final Plan resolution;
    final Plan program;
    final Plan ethnicAffairs;
    final Plan labour;
    final List<Task> tasks = new ArrayList<>();
    final List<Allocation> allocations = new ArrayList<>();

    SonLaProgram() {
        resolution = new Plan("20-NQ/TU", "Nghị quyết số 20-NQ/TU ngày 21/12/2021 của Ban Thường vụ Tỉnh ủy về giảm "
                + "nghèo bền vững giai đoạn 2021–2025", "RESOLUTION", "TU-14", null, "2021-12-21", "2025-12-31",
                on("2021-12-21")).issue("2021-12-21");
        program = new Plan("61/KH-UBND", "Kế hoạch số 61/KH-UBND thực hiện Nghị quyết số 20-NQ/TU",
                "PROGRAM_PLAN", "UBND-14", resolution, "2022-03-03", "2025-12-31", on("2022-03-01"))
                .objective("MT-1", "Giảm nghèo đa chiều, bền vững", on("2022-03-01"))
                .objective("MT-2", "Bảo đảm tiếp cận các dịch vụ xã hội cơ bản", on("2022-03-01"))
                .indicator("MT-1", "TL-HN", "Tỷ lệ hộ nghèo đa chiều", "%", "DECREASE", 2021, "21.66", "PROVINCE",
                        List.of(target(2022, null, "19.5"), target(2023, null, "17.0"), target(2024, null, "14.5"),
                                target(2025, null, "12.0"), target(2024, "99901", "25.0"),
                                target(2025, "99901", "20.0")), on("2022-03-02"))
                .indicator("MT-2", "TL-BHYT", "Tỷ lệ người dân tham gia bảo hiểm y tế", "%", "INCREASE", 2021,
                        "92.0", "PROVINCE", List.of(target(2025, null, "95.0")), on("2022-03-02"))
                .targets("MT-2", "TL-BHYT", List.of(target(2024, null, "94.0"), target(2025, null, "95.0")),
                        on("2022-03-02"))
                .issue("2022-03-03")
                // the 2024 poverty-rate target was revised from 14.5% to 15.0% after the 2023 review
                .revise("2024-03-01", "Điều chỉnh chỉ tiêu năm 2024 theo kết quả rà soát năm 2023",
                        "Kế hoạch số 61/KH-UBND thực hiện Nghị quyết số 20-NQ/TU", "2022-03-03", "2025-12-31",
                        List.of(new ObjectiveSnapshot("MT-1", "Giảm nghèo đa chiều, bền vững", null, List.of(
                                        new IndicatorSnapshot("TL-HN", "Tỷ lệ hộ nghèo đa chiều", null, "%", "DECREASE",
                                                2021, new BigDecimal("21.66"), "PROVINCE", false, List.of(
                                                target(2022, null, "19.5"), target(2023, null, "17.0"),
                                                target(2024, null, "15.0"), target(2025, null, "12.0"),
                                                target(2024, "99901", "25.0"), target(2025, "99901", "20.0"))))),
                                new ObjectiveSnapshot("MT-2", "Bảo đảm tiếp cận các dịch vụ xã hội cơ bản", null,
                                        List.of(new IndicatorSnapshot("TL-BHYT", "Tỷ lệ người dân tham gia bảo hiểm "
                                                + "y tế", null, "%", "INCREASE", 2021, new BigDecimal("92.0"),
                                                "PROVINCE", false, List.of(target(2024, null, "94.0"),
                                                target(2025, null, "95.0")))))));
        ethnicAffairs = new Plan("45/KH-BDT", "Kế hoạch của Ban Dân tộc tỉnh thực hiện Kế hoạch số 61/KH-UBND",
                "UNIT_PLAN", "BDT-14", program, "2022-03-20", "2025-12-31", on("2022-03-20")).issue("2022-03-20");
        labour = new Plan("12/KH-SLDTBXH", "Kế hoạch của Sở Lao động – Thương binh và Xã hội thực hiện Kế hoạch số "
                + "61/KH-UBND", "UNIT_PLAN", "SLDTBXH-14", program, "2022-04-05", "2025-12-31", on("2022-04-05"))
                .issue("2022-04-05");

        tasks.add(new Task(resolution, "Quán triệt Nghị quyết số 20-NQ/TU đến cấp ủy huyện", "DISSEMINATION",
                "HIGH", "TU-14", List.of("H-118", "H-128"), "2022-01-05", "2022-03-31", on("2022-01-04"))
                .session("2022-01-20", "H-118", 80, 120).session("2022-02-15", "H-118", 35, 120)
                .session("2022-02-20", "H-128", 90, 90).complete("2022-03-20"));
        tasks.add(new Task(program, "Tuyên truyền, phổ biến Nghị quyết số 20-NQ/TU trên báo chí và hệ thống "
                + "truyền thanh cơ sở", "DISSEMINATION", "HIGH", "STTTT-14", List.of("BDT-14", "H-118", "H-128"),
                "2022-03-15", "2022-12-31", on("2022-03-10"))
                .progress("2022-06-10", 50).progress("2022-12-01", 100).complete("2022-12-20"));
        tasks.add(new Task(program, "Hỗ trợ xây dựng mới, sửa chữa nhà ở cho hộ nghèo, hộ cận nghèo (Dự án 5)",
                "INVESTMENT", "HIGH", "SXD-14", List.of("SLDTBXH-14", "H-118", "H-128"), "2022-06-01", "2024-12-31",
                on("2022-05-20"))
                .progress("2023-03-01", 30).progress("2023-11-15", 65).extend("2024-12-20", "2025-06-30")
                .progress("2025-04-10", 90).complete("2025-07-10"));
        tasks.add(new Task(program, "Đào tạo nghề, hỗ trợ việc làm bền vững (Dự án 4)", "IMPLEMENTATION", "NORMAL",
                "SLDTBXH-14", List.of("SGDDT-14", "H-118"), "2022-04-01", "2025-12-31", on("2022-03-25"))
                .progress("2023-06-01", 50).progress("2024-06-01", 70).overdue("2026-01-01"));
        tasks.add(new Task(program, "Hỗ trợ mua thẻ bảo hiểm y tế cho người thuộc hộ nghèo, hộ cận nghèo",
                "IMPLEMENTATION", "NORMAL", "SYT-14", List.of("SLDTBXH-14"), "2022-04-01", "2023-12-31",
                on("2022-03-25"))
                .progress("2023-05-01", 60).complete("2023-12-28"));
        tasks.add(new Task(program, "Hỗ trợ học sinh thuộc hộ nghèo vùng đặc biệt khó khăn", "IMPLEMENTATION",
                "LOW", "SGDDT-14", List.of(), "2023-01-10", "2023-09-30", on("2023-01-05"))
                .progress("2023-04-01", 20).overdue("2023-10-01").block("2023-10-15", "Thiếu kinh phí")
                .unblock("2024-02-01").progress("2024-03-01", 80).complete("2024-05-15"));
        tasks.add(new Task(program, "Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp (Dự án 3)",
                "IMPLEMENTATION", "NORMAL", "SNNPTNT-14", List.of("H-128"), "2023-02-01", "2023-12-31",
                on("2023-01-20")).cancel("2023-04-10"));
        tasks.add(new Task(program, "Giảm nghèo về thông tin (Dự án 6)", "IMPLEMENTATION", "NORMAL", "STTTT-14",
                List.of(), "2023-03-01", "2024-06-30", on("2023-02-20")).progress("2023-09-01", 40));
        tasks.add(new Task(program, "Cấp nước sinh hoạt tập trung bản Suối Lìn", "INVESTMENT", "LOW", "SXD-14",
                List.of("H-128"), "2024-01-15", "2024-10-31", on("2024-01-10"))
                .progress("2024-10-20", 100).complete("2024-10-25"));
        tasks.add(new Task(program, "Hỗ trợ sinh kế cho hộ nghèo bản Suối Lìn", "IMPLEMENTATION", "NORMAL", "H-128",
                List.of(), "2024-04-01", "2025-06-30", on("2024-03-25"))
                .progress("2024-09-01", 20).block("2025-01-10", "Sạt lở đường vào bản"));
        tasks.add(new Task(ethnicAffairs, "Quán triệt Nghị quyết số 20-NQ/TU và Kế hoạch số 61/KH-UBND đến cán bộ, "
                + "công chức, viên chức của Ban", "DISSEMINATION", "HIGH", "BDT-14", List.of(), "2022-03-21",
                "2022-05-31", on("2022-03-21"))
                .session("2022-04-10", "BDT-14", 45, 60).session("2022-05-20", "BDT-14", 12, 60)
                .complete("2022-05-25"));
        tasks.add(new Task(ethnicAffairs, "Báo cáo sơ kết giữa kỳ", "REPORTING", "NORMAL", "BDT-14", List.of(),
                "2023-06-01", "2023-07-15", on("2023-05-25")).complete("2023-07-20"));
        tasks.add(new Task(ethnicAffairs, "Kiểm tra, giám sát thực hiện chính sách dân tộc", "INSPECTION", "NORMAL",
                "BDT-14", List.of("H-118", "H-128"), "2024-03-01", "2024-11-30", on("2024-02-20"))
                .progress("2024-05-01", 30));
        tasks.add(new Task(labour, "Rà soát hộ nghèo, hộ cận nghèo năm 2023", "IMPLEMENTATION", "HIGH",
                "SLDTBXH-14", List.of("H-118", "H-128"), "2023-09-01", "2023-12-15", on("2023-08-25"))
                .progress("2023-12-10", 100).complete("2023-12-12"));
        tasks.add(new Task(labour, "Tập huấn nâng cao năng lực cán bộ làm công tác giảm nghèo cấp xã",
                "DISSEMINATION", "NORMAL", "SLDTBXH-14", List.of("H-118", "H-128"), "2024-02-01", "2024-08-31",
                on("2024-01-25"))
                .session("2024-03-10", "H-118", 40, 55).session("2024-04-10", "H-128", 30, 70)
                .session("2024-06-10", "H-128", 25, 70).progress("2024-06-15", 60));

        allocations.add(new Allocation(program, "SXD-14", "CENTRAL_BUDGET", "SUSTAINABLE_POVERTY_REDUCTION", 2023,
                12_000_000_000L, "2023-02-01").disbursed("2023-07-01", 5_000_000_000L)
                .disbursed("2023-12-20", 9_500_000_000L));
        allocations.add(new Allocation(program, "SXD-14", "LOCAL_BUDGET", "SUSTAINABLE_POVERTY_REDUCTION", 2023,
                3_000_000_000L, "2023-02-01").changed("2023-05-01", 3_500_000_000L)
                .disbursed("2023-12-20", 2_800_000_000L));
        allocations.add(new Allocation(program, "SLDTBXH-14", "CENTRAL_BUDGET", "SUSTAINABLE_POVERTY_REDUCTION",
                2024, 8_000_000_000L, "2024-02-01").disbursed("2024-12-15", 6_000_000_000L));
        allocations.add(new Allocation(program, "H-128", "INTEGRATED_NEW_RURAL_DEVELOPMENT", "NEW_RURAL_DEVELOPMENT",
                2024, 4_500_000_000L, "2024-03-01").disbursed("2024-11-30", 4_500_000_000L));
        allocations.add(new Allocation(ethnicAffairs, "BDT-14", "LOCAL_BUDGET", "SUSTAINABLE_POVERTY_REDUCTION",
                2022, 600_000_000L, "2022-04-01").disbursed("2022-12-01", 550_000_000L));
        allocations.add(new Allocation(labour, "SLDTBXH-14", "INTEGRATED_ETHNIC_MINORITY_PROGRAM",
                "ETHNIC_MINORITY_MOUNTAINOUS_AREAS", 2024, 2_000_000_000L, "2024-02-15").cancelled("2024-06-01"));
        allocations.add(new Allocation(labour, "H-118", "POLICY_CREDIT", "SUSTAINABLE_POVERTY_REDUCTION", 2024,
                1_500_000_000L, "2024-02-15").disbursed("2024-10-01", 1_200_000_000L));
    }

    List<Plan> plans() {
        return List.of(resolution, program, ethnicAffairs, labour);
    }

    List<DomainEvent> events() {
        List<DomainEvent> events = new ArrayList<>();
        plans().forEach(p -> events.addAll(p.events));
        tasks.forEach(t -> events.addAll(t.events));
        allocations.forEach(a -> events.addAll(a.events));
        return events;
    }

    Map<String, Long> planVersions() {
        Map<String, Long> versions = new LinkedHashMap<>();
        plans().forEach(p -> versions.put(p.id, p.version()));
        return versions;
    }

    Map<String, Long> taskVersions() {
        Map<String, Long> versions = new LinkedHashMap<>();
        tasks.forEach(t -> versions.put(t.id, t.version()));
        return versions;
    }

    Map<String, Long> allocationVersions() {
        Map<String, Long> versions = new LinkedHashMap<>();
        allocations.forEach(a -> versions.put(a.id, (long) a.events.size()));
        return versions;
    }

    List<Task> tasksOf(Plan... plans) {
        List<String> ids = java.util.Arrays.stream(plans).map(p -> p.id).toList();
        return tasks.stream().filter(t -> ids.contains(t.planId)).toList();
    }
}
