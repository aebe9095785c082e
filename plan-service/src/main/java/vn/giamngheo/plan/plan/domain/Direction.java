package vn.giamngheo.plan.plan.domain;

/** Which way an indicator should move: a poverty rate should decrease, a coverage increase, a standard be reached. */
public enum Direction {
    DECREASE,
    INCREASE,
    REACH
}
