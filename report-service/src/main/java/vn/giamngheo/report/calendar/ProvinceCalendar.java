package vn.giamngheo.report.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The province's calendar. Due dates are calendar days in Sơn La, so "today", "overdue" and "as of 30/06/2024" are
 * decided there, not in UTC: an event at 2024-06-30T20:00Z happened on 1 July in the province.
 */
public final class ProvinceCalendar {

    private final Clock clock;
    private final ZoneId zone;

    public ProvinceCalendar(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The first instant after the given day ends: events strictly before it happened on or before that day. */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }
}
