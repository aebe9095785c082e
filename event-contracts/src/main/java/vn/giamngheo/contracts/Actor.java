package vn.giamngheo.contracts;

import java.util.Objects;

/**
 * Who caused a change: recorded with every stored change in the aggregate's audit trail and, as the {@code actor}
 * property, in the payload of the event it produced. Events published before actors were recorded lack it.
 *
 * @param subject the identity provider's stable subject (a user's id, a machine client's id), "anonymous" for the
 *                public, or the service's name for changes a service makes on its own (jobs, reactions to events)
 * @param name    the display name or user name, when the token carries one
 * @param unit    the unit code the caller acts for (officers, departments' machine clients), when it has one
 * @param kind    what sort of caller it was
 */
public record Actor(String subject, String name, String unit, Kind kind) {

    public enum Kind { USER, MACHINE, PUBLIC, SYSTEM }

    public Actor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
    }

    /** The service itself: scheduled jobs and reactions to other services' events. */
    public static Actor system(String serviceName) {
        return new Actor(serviceName, serviceName, null, Kind.SYSTEM);
    }

    /** A member of the public without a token (community feedback). */
    public static Actor anonymous() {
        return new Actor("anonymous", null, null, Kind.PUBLIC);
    }
}
