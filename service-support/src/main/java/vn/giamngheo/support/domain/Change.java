package vn.giamngheo.support.domain;

import vn.giamngheo.contracts.DomainEvent;

/** What a command decided: the aggregate's new state and the one event that records it. */
public record Change<S>(S state, DomainEvent event) {
}
