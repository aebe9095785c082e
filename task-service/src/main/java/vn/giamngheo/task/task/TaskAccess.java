package vn.giamngheo.task.task;

import vn.giamngheo.support.domain.ForbiddenException;
import vn.giamngheo.support.security.Caller;
import vn.giamngheo.task.task.domain.ProgressUpdate;
import vn.giamngheo.task.task.domain.Task;

/**
 * Who may change a task, beyond the role checks of the access rules (which already keep viewers, machines and the
 * public out): the province administrator, and officers of the unit that leads the task (đơn vị chủ trì). Officers of
 * a coordinating unit (đơn vị phối hợp) may add progress notes only. Checked on the state the change is made to, so
 * a retry on fresh state checks again.
 */
final class TaskAccess {

    private TaskAccess() {
    }

    /** Progress, completion, block, unblock, extension and dissemination sessions: the lead unit's work. */
    static void requireLeadOrAdmin(Caller caller, Task task, String what) {
        caller.requireAdminOrOfficerOf(task.leadUnitCode(), what + " task " + task.id() + " (led by "
                + task.leadUnitCode() + ")");
    }

    /**
     * The lead unit's officers report any progress; a coordinating unit's officers only a note (see
     * {@link ProgressUpdate#isNoteOnlyAt}), refused with a 403 that says what a note is.
     */
    static void requireMayReport(Caller caller, Task task, ProgressUpdate update) {
        if (caller.isAdmin() || caller.isOfficerOf(task.leadUnitCode())) {
            return;
        }
        boolean coordinating = task.coordinatingUnitCodes().stream().anyMatch(caller::isOfficerOf);
        if (!coordinating) {
            requireLeadOrAdmin(caller, task, "report progress on");
        }
        if (!update.isNoteOnlyAt(task.percentComplete())) {
            throw new ForbiddenException("Đơn vị phối hợp chỉ được thêm ghi chú / Coordinating units may add notes "
                    + "only: " + caller.unit() + " coordinates task " + task.id() + ", which " + task.leadUnitCode()
                    + " leads. A note keeps percentComplete at " + task.percentComplete() + " and has no "
                    + "evidenceLinks, outputs or correctionReason; the figures are reported by " + task.leadUnitCode()
                    + " or the province administrator.");
        }
    }
}
