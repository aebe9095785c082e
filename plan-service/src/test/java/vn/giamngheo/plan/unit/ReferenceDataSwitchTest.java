package vn.giamngheo.plan.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** giamngheo.units.seed-reference-data switches the start-up loading of reference units; it is on by default. */
class ReferenceDataSwitchTest {

    final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withBean(UnitCommands.class, () -> Mockito.mock(UnitCommands.class))
            .withUserConfiguration(ReferenceDataLoader.class);

    @Test
    void reference_units_are_loaded_unless_switched_off() {
        contexts.run(context -> assertThat(context).hasSingleBean(ReferenceDataLoader.class));
        contexts.withPropertyValues("giamngheo.units.seed-reference-data=true")
                .run(context -> assertThat(context).hasSingleBean(ReferenceDataLoader.class));
        contexts.withPropertyValues("giamngheo.units.seed-reference-data=false")
                .run(context -> assertThat(context).doesNotHaveBean(ReferenceDataLoader.class));
    }
}
