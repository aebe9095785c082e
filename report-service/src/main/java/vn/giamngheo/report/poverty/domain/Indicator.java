package vn.giamngheo.report.poverty.domain;

/**
 * One deprivation indicator of a standard.
 *
 * @param code        stable code used in files, events and weights, e.g. {@code DOMESTIC_WATER}
 * @param deprivedWhen the decree's criterion in words
 * @param rule        how the flag follows from a raw answer, or null when only the flag is accepted
 * @param check       true where the exact wording was not confirmed against the issued text
 */
public record Indicator(String code, String nameVi, String nameEn, String deprivedWhen, DerivationRule rule,
                        boolean check) {
}
