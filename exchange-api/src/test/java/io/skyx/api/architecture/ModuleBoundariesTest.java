package io.skyx.api.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.skyx.api.reserves.PoolFunding;
import io.skyx.api.sequencer.Command;
import io.skyx.api.testing.ProjectRoot;
import io.skyx.api.web.ErrorTranslator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §3: matching-engine and node depend on nothing of ours, custody only on node, exchange-api on
 * everything; no cycles. Checked twice: on the module POMs (what Maven lets each module see) and on the compiled
 * classes (what the code really uses).
 */
class ModuleBoundariesTest {

    /** Module directory → the SkyX modules it may depend on. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "db", Set.of(),
            "matching-engine", Set.of(),
            "node", Set.of(),
            "custody", Set.of("node"),
            "web-ui", Set.of(),
            "exchange-api", Set.of("db", "matching-engine", "node", "custody", "web-ui"),
            "ops", Set.of("matching-engine", "node", "custody", "db", "exchange-api"));

    private static final Pattern SKYX_DEPENDENCY =
            Pattern.compile("<groupId>io\\.skyx</groupId>\\s*<artifactId>skyx-([a-z-]+)</artifactId>");

    private static final Pattern PARENT = Pattern.compile("(?s)<parent>.*?</parent>");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.skyx");
    }

    @Test
    void everyModulePomDependsOnlyOnWhatTheDesignAllows() throws IOException {
        Path root = ProjectRoot.find();
        Set<String> modules = new TreeSet<>();
        try (var dirs = Files.list(root)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .forEach(d -> modules.add(d.getFileName().toString()));
        }
        assertThat(modules).as("modules of the build").containsAll(ALLOWED.keySet());
        for (String module : modules) {
            assertThat(ALLOWED).as("module %s must be listed in DESIGN.md §3 and here", module).containsKey(module);
            String pom = PARENT.matcher(Files.readString(root.resolve(module).resolve("pom.xml"))).replaceFirst("");
            Matcher m = SKYX_DEPENDENCY.matcher(pom);
            while (m.find()) {
                String target = m.group(1);
                if (!target.equals(module)) {
                    assertThat(ALLOWED.get(module))
                            .as("%s/pom.xml depends on skyx-%s, which DESIGN.md §3 forbids", module, target)
                            .contains(target);
                }
            }
        }
    }

    @Test
    void matchingEngineUsesNoOtherModule() {
        noClasses().that().resideInAPackage("io.skyx.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.skyx.node..", "io.skyx.custody..", "io.skyx.api..", "io.skyx.ops..")
                .check(classes);
    }

    @Test
    void nodeUsesNoOtherModule() {
        noClasses().that().resideInAPackage("io.skyx.node..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.skyx.engine..", "io.skyx.custody..", "io.skyx.api..", "io.skyx.ops..")
                .check(classes);
    }

    @Test
    void custodyUsesOnlyNode() {
        noClasses().that().resideInAPackage("io.skyx.custody..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.skyx.engine..", "io.skyx.api..", "io.skyx.ops..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void modulesFormNoCycle() {
        slices().matching("io.skyx.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }

    /** Issue 8 item 7: package by feature without cycles inside exchange-api (e.g. no web ↔ security). */
    @Test
    void exchangeApiPackagesFormNoCycle() {
        slices().matching("io.skyx.api.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * {@code web} (the error shape, HTTP helpers) is a leaf: it depends on no other package of ours, neither a
     * feature of exchange-api nor another module; features depend on it, never the other way round.
     */
    @Test
    void webIsALeaf() {
        noClasses().that().resideInAPackage("io.skyx.api.web..")
                .should().dependOnClassesThat(
                        resideInAPackage("io.skyx..").and(not(resideInAPackage("io.skyx.api.web.."))))
                .check(classes);
    }

    /**
     * Domain packages throw no HTTP types: the market model and the sequencer use no HTTP or servlet type and none
     * of {@code web}, except in the {@link ErrorTranslator} each contributes to say how its own exception reads.
     */
    @Test
    void domainPackagesUseNoHttpTypes() {
        noClasses().that().resideInAnyPackage("io.skyx.api.market..", "io.skyx.api.sequencer..")
                .and().doNotImplement(ErrorTranslator.class)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.skyx.api.web..", "org.springframework.http..", "jakarta.servlet..")
                .check(classes);
    }

    /**
     * Issue 11: no liability without proven surplus. Only {@code PoolFunding} (the surplus check, and the
     * unchecked restore of a refused payout batch it documents) builds a FundSettlementPool (and the journal's
     * codec, decoding one), and only the settlement's undo of a refused batch calls that restore.
     */
    @Test
    void onlyTheSurplusGuardFundsTheSettlementPool() {
        noClasses().that().doNotHaveFullyQualifiedName("io.skyx.api.reserves.PoolFunding")
                .and().doNotHaveFullyQualifiedName("io.skyx.api.sequencer.CommandCodec")
                .should().callConstructor(Command.FundSettlementPool.class, int.class, long.class, String.class)
                .check(classes);
        noClasses().that().doNotHaveFullyQualifiedName("io.skyx.api.settlement.ChainUndo")
                .should().callMethod(PoolFunding.class, "restoreUndone", int.class, long.class, String.class)
                .check(classes);
    }

    /**
     * Issues 9 and 11: no credit without a confirmed deposit. In the product's classes only the deposit watchers'
     * port ({@code SequencerLedger}) builds a CreditDeposit (and the journal's codec, decoding one); the test
     * funding path of the integration tests ({@code io.skyx.testfunds}) is no class of the product, and no
     * product resource registers it.
     */
    @Test
    void onlyTheDepositWatchersCreditAndTheTestFundingIsNotInTheProduct() throws IOException {
        noClasses().that().doNotHaveFullyQualifiedName("io.skyx.api.custody.SequencerLedger")
                .and().doNotHaveFullyQualifiedName("io.skyx.api.sequencer.CommandCodec")
                .should().callConstructor(Command.CreditDeposit.class, long.class, int.class, long.class, String.class)
                .check(classes);
        noClasses().should().resideInAPackage("io.skyx.testfunds..").check(classes);
        assertThat(classes.containPackage("io.skyx.testfunds")).as("test funding among the main classes").isFalse();
        Path resources = ProjectRoot.find().resolve("exchange-api/src/main/resources");
        try (var files = Files.walk(resources)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("static")).toList()) {
                assertThat(Files.readString(f)).as("%s registers the test funding", f).doesNotContain("testfunds");
            }
        }
    }
}
