package vn.giamngheo.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictDatesTest {

    record Issue(LocalDate issuedOn) {
    }

    private final JsonMapper mapper = JsonMapper.builder().addModule(StrictDates.module()).build();

    @Test
    void an_iso_date_or_null_is_read() {
        // given / when / then
        assertThat(mapper.readValue("{\"issuedOn\":\"2026-03-01\"}", Issue.class).issuedOn())
                .isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(mapper.readValue("{\"issuedOn\":null}", Issue.class).issuedOn()).isNull();
        assertThat(mapper.readValue("{}", Issue.class).issuedOn()).isNull();
    }

    @Test
    void anything_else_is_refused_instead_of_read_as_no_date() {
        // given / when / then
        for (String value : new String[] {"[]", "\"\"", "\" \"", "[2026,3,1]", "20260301", "\"2026-02-30\"",
                "\"2026-03-01T00:00:00\"", "{}"}) {
            assertThatThrownBy(() -> mapper.readValue("{\"issuedOn\":" + value + "}", Issue.class))
                    .as(value).isInstanceOf(JacksonException.class);
        }
    }
}
