package vn.giamngheo.plan.plan;

import vn.giamngheo.support.testing.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class PlanApiOnEmbeddedInfrastructureTest extends PlanApiScenarios {
}
