package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRootTest {

    @TempDir
    Path tree;

    @Test
    void aModuleNamingTheRootAsParentIsNotMistakenForTheRoot() throws Exception {
        // given
        Files.writeString(tree.resolve("pom.xml"), """
                <project><modelVersion>4.0.0</modelVersion><groupId>vn.giamngheo</groupId>
                  <artifactId>giamngheo</artifactId><packaging>pom</packaging></project>""");
        Path module = Files.createDirectories(tree.resolve("local-stack").resolve("src"));
        Files.writeString(module.getParent().resolve("pom.xml"), """
                <project><modelVersion>4.0.0</modelVersion>
                  <parent><groupId>vn.giamngheo</groupId><artifactId>giamngheo</artifactId></parent>
                  <artifactId>local-stack</artifactId></project>""");

        // when / then
        assertThat(ProjectRoot.findFrom(module)).contains(tree.toAbsolutePath());
    }

    @Test
    void nothingIsFoundOutsideTheProject() {
        assertThat(ProjectRoot.findFrom(tree)).isEmpty();
    }

    @Test
    void theRealProjectIsFoundFromThisModule() {
        assertThat(ProjectRoot.locate().resolve("local-stack")).isDirectory();
    }
}
