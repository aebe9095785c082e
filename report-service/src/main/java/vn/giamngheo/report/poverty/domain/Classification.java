package vn.giamngheo.report.poverty.domain;

/** The four outcomes of the national standard for one household. */
public enum Classification {
    POOR("Hộ nghèo"),
    NEAR_POOR("Hộ cận nghèo"),
    MIDDLE_INCOME("Hộ có mức sống trung bình"),
    NONE("Không thuộc các diện trên");

    private final String nameVi;

    Classification(String nameVi) {
        this.nameVi = nameVi;
    }

    public String nameVi() {
        return nameVi;
    }

    /** Poor and near-poor households together make the official multidimensional poverty rate. */
    public boolean countsInMultidimensionalRate() {
        return this == POOR || this == NEAR_POOR;
    }
}
