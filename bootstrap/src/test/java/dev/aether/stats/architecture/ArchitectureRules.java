package dev.aether.stats.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of the hexagon, for a code base rooted at {@code root} (so the same rules run
 * against the real code and against fixtures that break them on purpose). ArchUnit fails a rule whose
 * "that" selects no class, so a rule cannot pass by looking at an empty or renamed package.
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  /** The domain is pure Java: it depends on the JDK's java.* and on itself only. */
  static ArchRule domainDependsOnlyOnJava(String root) {
    return classes().that().resideInAPackage(root + ".domain..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..")
        .because("the domain must stay free of frameworks, SQL and HTTP (see README: where new code goes)");
  }

  static ArchRule postgresAdapterIsIndependent(String root) {
    return noClasses().that().resideInAPackage(root + ".adapters.postgres..")
        .should().dependOnClassesThat().resideInAnyPackage(root + ".adapters.http..", root + ".bootstrap..")
        .because("adapters only know the domain; bootstrap wires them");
  }

  static ArchRule httpAdapterIsIndependent(String root) {
    return noClasses().that().resideInAPackage(root + ".adapters.http..")
        .should().dependOnClassesThat().resideInAnyPackage(root + ".adapters.postgres..", root + ".bootstrap..")
        .because("adapters only know the domain; bootstrap wires them");
  }

  /**
   * The HTTP adapter calls the domain through its inbound ports ({@code domain.api}: query and command
   * interfaces) only: never an outbound port ({@code domain.port}, what the use cases need from a
   * database), never a concrete use case class. Values and callbacks of the use cases (records, enums,
   * interfaces in {@code domain.usecase}) are allowed.
   */
  static ArchRule httpAdapterUsesOnlyInboundPorts(String root) {
    DescribedPredicate<JavaClass> concreteUseCase = JavaClass.Predicates.resideInAPackage(root + ".domain.usecase..")
        .and(DescribedPredicate.describe("a class (not an interface, record or enum)",
            c -> !c.isInterface() && !c.isRecord() && !c.isEnum()));
    return noClasses().that().resideInAPackage(root + ".adapters.http..")
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(root + ".domain.port..")
            .or(concreteUseCase)
            .as("outbound ports (domain.port) or concrete use case classes (domain.usecase)"))
        .because("adapters-http depends on the domain's inbound ports only (README: design); bootstrap wires "
            + "the use cases behind them");
  }

  static ArchRule onlyPostgresAdapterTouchesSql(String root) {
    return noClasses().that().resideOutsideOfPackages(root + ".adapters.postgres..", root + ".changelog..")
        .and().resideInAPackage(root + "..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.vertx.pgclient..", "io.vertx.sqlclient..", "java.sql..", "javax.sql..", "liquibase..")
        .because("SQL lives in adapters-postgres (and the migration code in db-changelog) only");
  }

  static ArchRule onlyHttpAdapterTouchesWeb(String root) {
    return noClasses().that().resideOutsideOfPackage(root + ".adapters.http..")
        .and().resideInAPackage(root + "..")
        .should().dependOnClassesThat().resideInAPackage("io.vertx.ext.web..")
        .because("HTTP routing lives in adapters-http only");
  }
}
