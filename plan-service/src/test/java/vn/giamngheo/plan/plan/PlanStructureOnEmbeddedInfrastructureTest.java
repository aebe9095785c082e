package vn.giamngheo.plan.plan;

import vn.giamngheo.support.testing.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class PlanStructureOnEmbeddedInfrastructureTest extends PlanStructureScenarios {
}
