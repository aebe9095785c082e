package vn.giamngheo.report.progress;

import vn.giamngheo.support.testing.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class PlanProgressOnEmbeddedInfrastructureTest extends PlanProgressScenarios {
}
