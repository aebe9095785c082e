package vn.giamngheo.report.export;

/** A column of an exported table: its Vietnamese heading and how its values are shown. */
public record Column(String heading, Kind kind) {

    /** TEXT as is; INTEGER #,##0; DECIMAL and PERCENT with two decimals (percent values are already × 100). */
    public enum Kind {
        TEXT,
        INTEGER,
        DECIMAL,
        PERCENT,
        DATE
    }

    public static Column text(String heading) {
        return new Column(heading, Kind.TEXT);
    }

    public static Column integer(String heading) {
        return new Column(heading, Kind.INTEGER);
    }

    public static Column decimal(String heading) {
        return new Column(heading, Kind.DECIMAL);
    }

    public static Column percent(String heading) {
        return new Column(heading, Kind.PERCENT);
    }

    public static Column date(String heading) {
        return new Column(heading, Kind.DATE);
    }
}
