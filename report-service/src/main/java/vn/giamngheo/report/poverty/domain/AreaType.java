package vn.giamngheo.report.poverty.domain;

/** Where a household lives; it picks the standard's income line. */
public enum AreaType {
    RURAL("Nông thôn"),
    URBAN("Thành thị");

    private final String nameVi;

    AreaType(String nameVi) {
        this.nameVi = nameVi;
    }

    public String nameVi() {
        return nameVi;
    }
}
