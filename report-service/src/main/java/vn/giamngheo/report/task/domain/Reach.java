package vn.giamngheo.report.task.domain;

/** A unit's officials reached by a dissemination task so far, out of its officials. */
public record Reach(int reached, int total) {
}
