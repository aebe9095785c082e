package vn.giamngheo.plan;

import vn.giamngheo.support.testing.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class PlanAccessOnEmbeddedInfrastructureTest extends PlanAccessScenarios {
}
