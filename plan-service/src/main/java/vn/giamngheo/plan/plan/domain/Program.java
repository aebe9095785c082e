package vn.giamngheo.plan.plan.domain;

/**
 * The national target program a plan (or an allocation) belongs to: the sustainable poverty reduction program, or one
 * of the two programs whose resources are integrated with it (lồng ghép).
 */
public enum Program {
    SUSTAINABLE_POVERTY_REDUCTION,
    NEW_RURAL_DEVELOPMENT,
    ETHNIC_MINORITY_MOUNTAINOUS_AREAS
}
