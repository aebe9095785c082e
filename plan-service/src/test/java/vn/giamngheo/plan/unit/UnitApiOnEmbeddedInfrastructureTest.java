package vn.giamngheo.plan.unit;

import vn.giamngheo.support.testing.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class UnitApiOnEmbeddedInfrastructureTest extends UnitApiScenarios {
}
