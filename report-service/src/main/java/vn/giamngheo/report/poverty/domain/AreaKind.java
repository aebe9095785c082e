package vn.giamngheo.report.poverty.domain;

/** The ways review results are broken down. */
public enum AreaKind {
    PROVINCE("Toàn tỉnh"),
    FORMER_DISTRICT("Huyện (trước 01/07/2025)"),
    COMMUNE("Xã, phường"),
    ETHNIC_GROUP("Dân tộc"),
    ETHNICITY("Dân tộc thiểu số và dân tộc Kinh");

    private final String nameVi;

    AreaKind(String nameVi) {
        this.nameVi = nameVi;
    }

    public String nameVi() {
        return nameVi;
    }
}
