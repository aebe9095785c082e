package vn.giamngheo.report.poverty.web;

import java.util.List;
import vn.giamngheo.report.poverty.domain.AreaRate;
import vn.giamngheo.report.poverty.domain.ReviewStatus;
import vn.giamngheo.report.poverty.review.ReviewQueries;

/**
 * A review's rates table. {@code provisional}: the review is open and the figures are computed from the households
 * as they stand; {@code synthetic}: the review holds generated demo households. {@code noteVi} says so in words.
 */
public record RatesResponse(String reviewId, int year, String standardCode, ReviewStatus status, int revision,
                            boolean provisional, boolean synthetic, String noteVi, List<AreaRate> areas) {

    static RatesResponse of(ReviewQueries.Rates rates) {
        return new RatesResponse(rates.reviewId(), rates.year(), rates.standardCode(), rates.status(),
                rates.revision(), rates.provisional(), rates.synthetic(), note(rates), rates.areas());
    }

    static String note(ReviewQueries.Rates rates) {
        String note = rates.provisional() ? "Số liệu tạm tính, chưa công bố (provisional)"
                : "Kết quả công bố lần " + rates.revision();
        return rates.synthetic() ? note + ". DỮ LIỆU MÔ PHỎNG — không phải số liệu thật (synthetic demo data)" : note;
    }
}
