package vn.giamngheo.plan.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.plan.unit.domain.UnitImport;
import vn.giamngheo.plan.unit.domain.UnitKind;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;

class UnitCsvTest {

    @Test
    void lines_are_read_with_their_numbers_in_the_file_counting_comments_and_blank_lines() {
        // given
        String csv = """
                \uFEFF# Đơn vị mẫu
                code,kind,nameVi,nameEn,parentCode,validFrom,validTo,successorCodes

                H-128,district,Huyện Vân Hồ,"Van Ho District, Son La",14,2021-01-01,2025-06-30,
                # a merged commune
                X-1,COMMUNE,Xã Lóng Luông,Long Luong Commune,H-128,2021-01-01,2025-06-30,NEW-1; NEW-2
                X-2,VILLAGE,Xã B,B,H-128,01/01/2021,,
                """;

        // when
        List<UnitImport.Line> lines = UnitCsv.read(csv.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(lines).extracting(UnitImport.Line::number).containsExactly(4, 6, 7);
        assertThat(lines.get(0).data().kind()).isEqualTo(UnitKind.DISTRICT);
        assertThat(lines.get(0).data().nameEn()).isEqualTo("Van Ho District, Son La");
        assertThat(lines.get(0).data().validTo()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(lines.get(1).data().nameVi()).isEqualTo("Xã Lóng Luông");
        assertThat(lines.get(1).data().successorCodes()).containsExactly("NEW-1", "NEW-2");
        assertThat(lines.get(1).readErrors()).isEmpty();
        assertThat(lines.get(2).readErrors()).extracting(FieldViolation::field).containsExactly("kind", "validFrom");
    }

    @Test
    void a_file_without_the_header_or_without_units_is_refused_as_a_whole() {
        assertThatThrownBy(() -> UnitCsv.read("14,PROVINCE,Tỉnh Sơn La,Son La,,2021-01-01,,\n"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("header"));
        assertThatThrownBy(() -> UnitCsv.read("code,kind,nameVi,nameEn,validFrom,colour\n"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).message()).contains("unknown [colour]"));
        assertThatThrownBy(() -> UnitCsv.read("code,kind,nameVi,nameEn,validFrom\n# nothing else\n"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).message()).contains("no units"));
        assertThatThrownBy(() -> UnitCsv.read(" \n"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("file"));
    }

    @Test
    void a_file_with_only_the_required_columns_is_enough() {
        // when
        List<UnitImport.Line> lines = UnitCsv.read("code,kind,nameVi,nameEn,validFrom\n"
                + "SYT-14,AGENCY,Sở Y tế tỉnh Sơn La,Son La Department of Health,2021-01-01\n");

        // then
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.data().parentCode()).isNull();
            assertThat(line.data().successorCodes()).isEmpty();
            assertThat(line.readErrors()).isEmpty();
        });
    }
}
