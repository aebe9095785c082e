package vn.giamngheo.plan.funding.domain;

import vn.giamngheo.plan.plan.domain.Program;

/**
 * An allocation as a user states it: to a plan (and optionally one of its objectives), for a unit, from a source,
 * under a program (derived when left out), for a year, in VND.
 */
public record NewAllocation(String planId, String objectiveCode, String unitCode, FundingSource source,
                            Program program, int year, long allocatedAmount, long disbursedAmount, String note) {
}
