package vn.giamngheo.plan.plan.domain;

import vn.giamngheo.contracts.plan.ChangeEntry;

/** One changed value in a plan's history; {@code before} is null for something new, {@code after} for a removal. */
public record FieldChange(String path, String before, String after) {

    ChangeEntry entry() {
        return new ChangeEntry(path, before, after);
    }
}
