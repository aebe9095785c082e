package vn.giamngheo.plan.plan.web;

import java.time.LocalDate;

/** The date on the issued document; today when omitted. */
public record IssuePlanRequest(LocalDate issuedOn) {
}
