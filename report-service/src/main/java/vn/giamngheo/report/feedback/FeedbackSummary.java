package vn.giamngheo.report.feedback;

import java.util.Map;

/**
 * The community's feedback on something: how many, the average rating (one decimal; null when there is none), how
 * many were answered, and how many gave each rating from 1 to 5.
 */
public record FeedbackSummary(long count, Double averageRating, long answered, Map<Integer, Long> ratings) {
}
