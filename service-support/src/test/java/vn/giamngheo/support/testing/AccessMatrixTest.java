package vn.giamngheo.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.EventJson;

class AccessMatrixTest {

    @Test
    void rows_parse_into_endpoints_and_allowed_callers() {
        // given
        String text = """
                # a comment
                GET  | /api/v1/plans/${planId}?x=1 | - | A | A | A | A | A | A
                POST | /api/v1/plans/${planId}/issue | {"issuedOn":"2022-03-03"} | A | D | D | D | D | D
                """;

        // when
        AccessMatrix matrix = AccessMatrix.parse("test", text);

        // then
        assertThat(matrix.rows()).hasSize(2);
        assertThat(matrix.rows().get(0).endpoint()).isEqualTo("GET /api/v1/plans/{}");
        assertThat(matrix.rows().get(1).body()).isEqualTo("{\"issuedOn\":\"2022-03-03\"}");
        assertThat(matrix.rows().get(1).allowed().get(AccessMatrix.Who.ADMIN)).isTrue();
        assertThat(matrix.rows().get(1).allowed().get(AccessMatrix.Who.ANONYMOUS)).isFalse();
    }

    @Test
    void a_row_with_a_missing_cell_or_an_unknown_verdict_is_refused_with_its_line() {
        assertThatThrownBy(() -> AccessMatrix.parse("t", "GET | /a | - | A | A | A | A | A"))
                .hasMessageContaining("t:1");
        assertThatThrownBy(() -> AccessMatrix.parse("t", "\nGET | /a | - | A | A | A | A | A | yes"))
                .hasMessageContaining("t:2").hasMessageContaining("MACHINE");
    }

    @Test
    void an_endpoint_of_the_openapi_document_without_a_row_fails_the_coverage_check() {
        // given
        AccessMatrix matrix = AccessMatrix.parse("t", "GET | /api/v1/plans/${id} | - | A | A | A | A | A | A");
        var covered = EventJson.mapper().readTree("{\"paths\":{\"/api/v1/plans/{id}\":{\"get\":{}}}}");
        var uncovered = EventJson.mapper().readTree(
                "{\"paths\":{\"/api/v1/plans/{id}\":{\"get\":{},\"delete\":{}}}}");

        // when / then
        matrix.assertCoversEveryEndpointOf(covered);
        assertThatThrownBy(() -> matrix.assertCoversEveryEndpointOf(uncovered)).hasMessageContaining("DELETE");
    }
}
