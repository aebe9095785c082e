package vn.giamngheo.task.task;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.support.domain.ForbiddenException;
import vn.giamngheo.support.security.Caller;
import vn.giamngheo.task.task.domain.NewTask;
import vn.giamngheo.task.task.domain.ProgressUpdate;
import vn.giamngheo.task.task.domain.Task;
import vn.giamngheo.task.task.domain.TaskKind;
import vn.giamngheo.task.task.domain.UnitPeriod;

class TaskAccessTest {

    static final Caller ADMIN = new Caller("admin", "admin", null, Set.of("ADMIN"), Set.of(), Actor.Kind.USER);
    static final Caller LEAD = officerOf("SYT-14");
    static final Caller COORDINATING = officerOf("SNNPTNT-14");
    static final Caller OTHER = officerOf("SXD-14");
    /** A department's system acting for a coordinating unit is no officer of it. */
    static final Caller MACHINE = new Caller("sldtbxh-system", null, "SNNPTNT-14", Set.of(), Set.of("api.read"),
            Actor.Kind.MACHINE);

    static Caller officerOf(String unit) {
        return new Caller("officer-" + unit.toLowerCase(), null, unit, Set.of("OFFICER"), Set.of(), Actor.Kind.USER);
    }

    /** Led by the Department of Health with Agriculture coordinating, at 40%. */
    static Task healthTaskAt40() {
        NewTask input = new NewTask("plan-61", "Hỗ trợ bảo hiểm y tế cho người nghèo", TaskKind.IMPLEMENTATION,
                "SYT-14", List.of("SNNPTNT-14"), LocalDate.of(2026, 1, 5), LocalDate.of(2027, 12, 31));
        Task task = Task.create("t1", input, true, code -> Optional.of(new UnitPeriod(code, code,
                LocalDate.of(2004, 1, 1), null)), Instant.now()).state();
        return task.reportProgress(1, ProgressUpdate.of(40, "Đợt 1"), LEAD.actor(), Instant.now()).state();
    }

    @Test
    void the_admin_and_the_lead_units_officers_do_the_lead_units_work() {
        // given
        Task task = healthTaskAt40();

        // then
        assertThatCode(() -> TaskAccess.requireLeadOrAdmin(ADMIN, task, "block")).doesNotThrowAnyException();
        assertThatCode(() -> TaskAccess.requireLeadOrAdmin(LEAD, task, "block")).doesNotThrowAnyException();
        assertThatThrownBy(() -> TaskAccess.requireLeadOrAdmin(COORDINATING, task, "block"))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("officer of SYT-14")
                .hasMessageContaining("you act for SNNPTNT-14");
        assertThatThrownBy(() -> TaskAccess.requireLeadOrAdmin(OTHER, task, "block"))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("you act for SXD-14");
        assertThatThrownBy(() -> TaskAccess.requireLeadOrAdmin(MACHINE, task, "block"))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_coordinating_units_officer_adds_notes_only_and_other_officers_report_nothing() {
        // given
        Task task = healthTaskAt40();
        ProgressUpdate note = ProgressUpdate.of(40, "Sở Nông nghiệp đã cử cán bộ phối hợp khảo sát");
        ProgressUpdate higher = ProgressUpdate.of(60, "Đợt 2");

        // then
        assertThatCode(() -> TaskAccess.requireMayReport(LEAD, task, higher)).doesNotThrowAnyException();
        assertThatCode(() -> TaskAccess.requireMayReport(ADMIN, task, higher)).doesNotThrowAnyException();
        assertThatCode(() -> TaskAccess.requireMayReport(COORDINATING, task, note)).doesNotThrowAnyException();
        assertThatThrownBy(() -> TaskAccess.requireMayReport(COORDINATING, task, higher))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("Coordinating units may add notes only")
                .hasMessageContaining("percentComplete at 40");
        assertThatThrownBy(() -> TaskAccess.requireMayReport(OTHER, task, note))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("you act for SXD-14");
        assertThatThrownBy(() -> TaskAccess.requireMayReport(MACHINE, task, note))
                .isInstanceOf(ForbiddenException.class);
    }
}
