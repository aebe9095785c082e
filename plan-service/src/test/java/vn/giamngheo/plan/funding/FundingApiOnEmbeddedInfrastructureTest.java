package vn.giamngheo.plan.funding;

import vn.giamngheo.support.testing.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class FundingApiOnEmbeddedInfrastructureTest extends FundingApiScenarios {
}
