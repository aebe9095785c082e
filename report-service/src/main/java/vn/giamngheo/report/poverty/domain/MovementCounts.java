package vn.giamngheo.report.poverty.domain;

/**
 * Movements between two reviews in one area. Every household counts in exactly one area, so nothing vanishes or
 * doubles, and the counts add up: {@code poorTo = remainedPoor + rePoverty + newPoverty + otherPoor} and
 * {@code poorFrom = escaped + remainedPoor + poorNotInLaterReview}.
 *
 * @param escaped              poor in the earlier review, in the later one and not poor there (thoát nghèo)
 * @param escapedToNearPoor    of those, near-poor in the later review
 * @param rePoverty            poor in the later review, not poor in the earlier, and escaped in an earlier review
 *                             on record (tái nghèo)
 * @param newPoverty           poor in the later review and never poor in any earlier review on record, new and
 *                             split households included (phát sinh nghèo)
 * @param otherPoor            poor in the later review, not poor (or absent) in the earlier, poor in some review
 *                             before without an escape on record — only when the two reviews are not consecutive
 * @param poorNotInLaterReview poor in the earlier review and absent from the later (dissolved, moved away, merged
 *                             into another household)
 */
public record MovementCounts(String code, String name, long householdsFrom, long householdsTo, long poorFrom,
                             long poorTo, long escaped, long escapedToNearPoor, long remainedPoor, long rePoverty,
                             long newPoverty, long otherPoor, long poorNotInLaterReview, long newHouseholds,
                             long householdsNotInLaterReview) {
}
