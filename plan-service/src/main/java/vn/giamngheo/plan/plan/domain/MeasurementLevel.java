package vn.giamngheo.plan.plan.domain;

/** Where an indicator is measured: for the province, per district (until 2025), per commune, per ethnic group. */
public enum MeasurementLevel {
    PROVINCE,
    DISTRICT,
    COMMUNE,
    ETHNIC_GROUP
}
