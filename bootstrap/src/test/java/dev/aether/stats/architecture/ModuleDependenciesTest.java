package dev.aether.stats.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Maven modules' main (non-test) dependencies mirror the package rules. */
class ModuleDependenciesTest {
  private static final Pattern DEPENDENCY = Pattern.compile(
      "<dependency>\\s*<groupId>dev\\.aether\\.stats</groupId>\\s*<artifactId>([\\w-]+)</artifactId>(.*?)</dependency>",
      Pattern.DOTALL);

  /** Our modules a module depends on outside test scope, read from its pom. */
  static Set<String> mainDependencies(String module) throws Exception {
    Path pom = Path.of("..", module, "pom.xml");
    assertTrue(Files.exists(pom), "run from a module directory of the reactor: " + pom.toAbsolutePath());
    Matcher m = DEPENDENCY.matcher(Files.readString(pom));
    Set<String> deps = new TreeSet<>();
    while (m.find()) {
      if (!m.group(2).contains("<scope>test</scope>")) {
        deps.add(m.group(1));
      }
    }
    return deps;
  }

  @Test
  void modulesDependOnlyInward() throws Exception {
    assertEquals(Set.of(), mainDependencies("domain"), "domain depends on no module");
    assertEquals(Set.of(), mainDependencies("db-changelog"), "db-changelog depends on no module");
    assertEquals(Set.of("domain"), mainDependencies("adapters-postgres"));
    assertEquals(Set.of("domain"), mainDependencies("adapters-http"));
    assertEquals(Set.of("domain", "db-changelog", "adapters-postgres", "adapters-http"), mainDependencies("bootstrap"));
  }

  @Test
  void theParserSeesATestScopedDependencyAsTestOnly() throws Exception {
    // adapters-postgres uses db-changelog in tests only: the parser must not count it as a main dependency
    String pom = Files.readString(Path.of("..", "adapters-postgres", "pom.xml"));
    assertTrue(pom.contains("<artifactId>db-changelog</artifactId>"));
    assertTrue(!mainDependencies("adapters-postgres").contains("db-changelog"));
  }
}
