package vn.giamngheo.plan.funding.domain;

import java.util.Optional;
import vn.giamngheo.plan.plan.domain.Program;

/** Where money for a plan comes from (nguồn vốn), including what is integrated from the other target programs. */
public enum FundingSource {
    CENTRAL_BUDGET(null),
    LOCAL_BUDGET(null),
    INTEGRATED_NEW_RURAL_DEVELOPMENT(Program.NEW_RURAL_DEVELOPMENT),
    INTEGRATED_ETHNIC_MINORITY_PROGRAM(Program.ETHNIC_MINORITY_MOUNTAINOUS_AREAS),
    POLICY_CREDIT(null),
    ENTERPRISES_AND_COMMUNITY(null);

    private final Program program;

    FundingSource(Program program) {
        this.program = program;
    }

    /** The program integrated money is counted under; empty for sources that are not tied to one program. */
    public Optional<Program> program() {
        return Optional.ofNullable(program);
    }
}
