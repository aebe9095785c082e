package vn.giamngheo.task.task;

import vn.giamngheo.support.testing.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class DisseminationOnEmbeddedInfrastructureTest extends DisseminationScenarios {
}
