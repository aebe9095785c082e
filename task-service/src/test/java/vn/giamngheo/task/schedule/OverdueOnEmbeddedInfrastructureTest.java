package vn.giamngheo.task.schedule;

import vn.giamngheo.support.testing.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class OverdueOnEmbeddedInfrastructureTest extends OverdueScenarios {
}
