package vn.giamngheo.contracts.plan;

/**
 * One changed value of a plan, as recorded in its history: a path such as {@code title},
 * {@code indicators.TL-HN.targets.2024} or {@code objectives.MT-1.nameVi}, and the value before and after as text
 * (null when the item did not exist before, or no longer exists after).
 */
public record ChangeEntry(String path, String before, String after) {
}
