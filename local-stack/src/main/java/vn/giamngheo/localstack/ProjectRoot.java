package vn.giamngheo.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Finds the project's root directory: the one whose pom.xml is the {@code giamngheo} parent. */
final class ProjectRoot {

    static final String ROOT_ARTIFACT_ID = "giamngheo";

    private ProjectRoot() {
    }

    /** From the working directory upwards, then from where this code was loaded (the jar in local-stack/target). */
    static Path locate() {
        Path workingDir = Path.of("").toAbsolutePath();
        return findFrom(workingDir)
                .or(() -> ChildClasspath.codeSource().flatMap(ProjectRoot::findFrom))
                .orElseThrow(() -> new LocalStackException("Cannot find the giamngheo project (a pom.xml with artifactId "
                        + ROOT_ARTIFACT_ID + ") in " + workingDir + " or above it. Run from inside the project."));
    }

    static Optional<Path> findFrom(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * Compares the pom's own artifactId, not any text in it: every module's pom names the root as its parent.
     */
    static boolean isRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
                if ("artifactId".equals(child.getNodeName())) {
                    return ROOT_ARTIFACT_ID.equals(child.getTextContent().trim());
                }
            }
            return false;
        } catch (Exception unreadable) {
            return false;
        }
    }
}
