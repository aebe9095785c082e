package vn.giamngheo.plan.unit.domain;

/**
 * What a unit is: a territorial unit (province, district-level unit until 30/06/2025, commune, ward, township) or an
 * agency (Party committee, People's Committee, a department or committee of the province).
 */
public enum UnitKind {
    PROVINCE,
    DISTRICT,
    COMMUNE,
    WARD,
    TOWNSHIP,
    AGENCY
}
