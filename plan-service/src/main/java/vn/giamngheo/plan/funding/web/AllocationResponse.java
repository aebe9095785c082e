package vn.giamngheo.plan.funding.web;

import vn.giamngheo.plan.funding.domain.Allocation;
import vn.giamngheo.plan.funding.domain.AllocationStatus;
import vn.giamngheo.plan.funding.domain.FundingSource;
import vn.giamngheo.plan.plan.domain.Program;
import vn.giamngheo.support.outbox.Versioned;

public record AllocationResponse(String id, long version, String planId, String objectiveCode, String unitCode,
                                 FundingSource source, Program program, int year, long allocatedAmount,
                                 long disbursedAmount, String note, AllocationStatus status,
                                 String cancellationReason) {

    static AllocationResponse of(Versioned<Allocation> versioned) {
        Allocation a = versioned.state();
        return new AllocationResponse(versioned.id(), versioned.version(), a.planId(), a.objectiveCode(),
                a.unitCode(), a.source(), a.program(), a.year(), a.allocatedAmount(), a.disbursedAmount(), a.note(),
                a.status(), a.cancellationReason());
    }
}
