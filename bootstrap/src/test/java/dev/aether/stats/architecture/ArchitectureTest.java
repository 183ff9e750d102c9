package dev.aether.stats.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule holds for the production code, and each rule is shown to fail on a fixture that breaks it
 * (a rule that cannot fail is worse than none).
 */
class ArchitectureTest {
  private static final String ROOT = "dev.aether.stats";
  private static final String FIXTURE = "dev.aether.stats.archfixture";

  private static JavaClasses production;
  private static JavaClasses fixtures;

  @BeforeAll
  static void importClasses() {
    production = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages(ROOT);
    fixtures = new ClassFileImporter().importPackages(FIXTURE);
  }

  private static final List<Function<String, ArchRule>> RULES = List.of(
      ArchitectureRules::domainDependsOnlyOnJava,
      ArchitectureRules::postgresAdapterIsIndependent,
      ArchitectureRules::httpAdapterIsIndependent,
      ArchitectureRules::httpAdapterUsesOnlyInboundPorts,
      ArchitectureRules::onlyPostgresAdapterTouchesSql,
      ArchitectureRules::onlyHttpAdapterTouchesWeb);

  @Test
  void productionCodeKeepsEveryRule() {
    for (Function<String, ArchRule> rule : RULES) {
      rule.apply(ROOT).check(production);
    }
  }

  @Test
  void domainRuleFailsOnADomainClassUsingVertx() {
    assertViolation(ArchitectureRules.domainDependsOnlyOnJava(FIXTURE), "BadDomainService", "io.vertx.core.Vertx");
  }

  @Test
  void postgresAdapterRuleFailsWhenItUsesTheHttpAdapter() {
    assertViolation(ArchitectureRules.postgresAdapterIsIndependent(FIXTURE), "BadPgRepository", "HttpThing");
  }

  @Test
  void httpAdapterRuleFailsWhenItUsesBootstrap() {
    assertViolation(ArchitectureRules.httpAdapterIsIndependent(FIXTURE), "BadHttpHandler", "BootThing");
  }

  @Test
  void inboundPortsRuleFailsWhenTheHttpAdapterUsesAnOutboundPort() {
    assertViolation(ArchitectureRules.httpAdapterUsesOnlyInboundPorts(FIXTURE), "OutboundPortHandler", "FixtureRunLog");
  }

  @Test
  void inboundPortsRuleFailsWhenTheHttpAdapterUsesAConcreteUseCase() {
    assertViolation(ArchitectureRules.httpAdapterUsesOnlyInboundPorts(FIXTURE), "ConcreteUseCaseHandler",
        "FixtureRunService");
  }

  @Test
  void inboundPortsRuleAcceptsAnInboundPortAndTheValuesItReturns() {
    EvaluationResult r = ArchitectureRules.httpAdapterUsesOnlyInboundPorts(FIXTURE).evaluate(fixtures);
    assertFalse(r.getFailureReport().getDetails().stream().anyMatch(d -> d.contains("InboundPortHandler")),
        () -> String.join("\n", r.getFailureReport().getDetails()));
  }

  @Test
  void sqlRuleFailsWhenTheHttpAdapterUsesJdbc() {
    assertViolation(ArchitectureRules.onlyPostgresAdapterTouchesSql(FIXTURE), "BadHttpHandler", "java.sql.Connection");
  }

  @Test
  void webRuleFailsWhenBootstrapUsesARouter() {
    assertViolation(ArchitectureRules.onlyHttpAdapterTouchesWeb(FIXTURE), "BootThing", "io.vertx.ext.web.Router");
  }

  @Test
  void aRuleOverAnEmptyPackageFails() {
    AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> ArchitectureRules.domainDependsOnlyOnJava("dev.aether.stats.nosuchpackage").check(production),
        "a rule that selects no class must fail, not pass vacuously");
    assertTrue(e.getMessage().contains("failed to check any classes"), e.getMessage());
  }

  @Test
  void fixturesAlsoContainCleanClassesTheRulesAccept() {
    EvaluationResult r = ArchitectureRules.domainDependsOnlyOnJava(FIXTURE).evaluate(fixtures);
    assertFalse(r.getFailureReport().getDetails().stream().anyMatch(d -> d.contains("CleanDomainModel")),
        "the clean fixture class must not be reported");
  }

  private static void assertViolation(ArchRule rule, String offender, String target) {
    EvaluationResult r = rule.evaluate(fixtures);
    assertTrue(r.hasViolation(), "rule should fail on the fixture: " + rule.getDescription());
    String details = String.join("\n", r.getFailureReport().getDetails());
    assertTrue(details.contains(offender) && details.contains(target),
        "expected " + offender + " -> " + target + " in:\n" + details);
  }
}
