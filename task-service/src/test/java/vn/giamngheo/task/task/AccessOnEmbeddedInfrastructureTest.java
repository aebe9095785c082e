package vn.giamngheo.task.task;

import vn.giamngheo.support.testing.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class AccessOnEmbeddedInfrastructureTest extends AccessScenarios {
}
