package vn.giamngheo.task.task.domain;

import java.time.LocalDate;

/** A dissemination session as a user records it. */
public record NewDisseminationSession(LocalDate date, String unitCode, int officialsAttending, int officialsTotal,
                                      String note) {
}
