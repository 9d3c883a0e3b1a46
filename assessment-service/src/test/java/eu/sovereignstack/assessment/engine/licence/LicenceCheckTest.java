package eu.sovereignstack.assessment.engine.licence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static eu.sovereignstack.assessment.domain.Usage.DISTRIBUTED;
import static eu.sovereignstack.assessment.domain.Usage.INTERNAL;
import static eu.sovereignstack.assessment.domain.Usage.NETWORK_SERVICE;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import eu.sovereignstack.assessment.domain.Usage;
import eu.sovereignstack.assessment.engine.model.LicenceIssue;
import eu.sovereignstack.common.licence.SpdxLicences;

class LicenceCheckTest {

    private static final LicenceCheck CHECK = new LicenceCheck(new SpdxLicences(), new OsadlMatrix());

    private static StackComponent component(String id, String licence, Usage usage, String... dependsOn) {
        return new StackComponent(id, "the " + id, licence, usage, Arrays.asList(dependsOn));
    }

    /** Issues as "KIND item,item" for compact expectations. */
    private static List<String> summary(List<LicenceIssue> issues) {
        return issues.stream().map(issue -> issue.kind() + " " + String.join(",", issue.items())).toList();
    }

    private static Arguments stack(String name, List<StackComponent> stack, String... expected) {
        return Arguments.of(name, stack, List.of(expected));
    }

    static Stream<Arguments> stacks() {
        return Stream.of(
                // combination in a distributed work, OSADL decides
                stack("GPL-2.0 app distributing Apache-2.0 (OSADL: No)",
                        List.of(component("app", "GPL-2.0-only", DISTRIBUTED, "lib"), component("lib", "Apache-2.0", INTERNAL)),
                        "CONFLICT app,lib"),
                stack("Apache-2.0 app including MIT",
                        List.of(component("app", "Apache-2.0", DISTRIBUTED, "lib"), component("lib", "MIT", INTERNAL))),
                stack("GPL-3.0 app including Apache-2.0",
                        List.of(component("app", "GPL-3.0-only", DISTRIBUTED, "lib"), component("lib", "Apache-2.0", INTERNAL))),
                stack("Apache-2.0 app including GPL-3.0 (direction matters)",
                        List.of(component("app", "Apache-2.0", DISTRIBUTED, "lib"), component("lib", "GPL-3.0-only", INTERNAL)),
                        "CONFLICT app,lib"),
                stack("MIT OR GPL-2.0 app including Apache-2.0: one option suffices",
                        List.of(component("app", "MIT OR GPL-2.0-only", DISTRIBUTED, "lib"), component("lib", "Apache-2.0", INTERNAL))),
                stack("MIT AND GPL-2.0 app including Apache-2.0: both apply",
                        List.of(component("app", "MIT AND GPL-2.0-only", DISTRIBUTED, "lib"), component("lib", "Apache-2.0", INTERNAL)),
                        "CONFLICT app,lib"),
                stack("GPL-2.0 app including Apache-2.0 OR MIT: the licensee picks MIT",
                        List.of(component("app", "GPL-2.0-only", DISTRIBUTED, "lib"), component("lib", "Apache-2.0 OR MIT", INTERNAL))),
                stack("GPL-2.0+ is GPL-2.0-or-later",
                        List.of(component("app", "GPL-2.0+", DISTRIBUTED, "lib"), component("lib", "Apache-2.0", INTERNAL)),
                        "CONFLICT app,lib"),
                stack("GPL-2.0 WITH Classpath-exception uses the matrix's own entry",
                        List.of(component("app", "GPL-2.0-only WITH Classpath-exception-2.0", DISTRIBUTED, "lib"),
                                component("lib", "Apache-2.0", INTERNAL)),
                        "CONFLICT app,lib"),
                stack("AGPL-3.0 including GPL-3.0: OSADL says check dependency",
                        List.of(component("app", "AGPL-3.0-only", DISTRIBUTED, "lib"), component("lib", "GPL-3.0-only", INTERNAL)),
                        "CHECK_NEEDED app,lib"),
                stack("a pair outside the matrix",
                        List.of(component("app", "MIT", DISTRIBUTED, "lib"), component("lib", "SSPL-1.0", INTERNAL)),
                        "CHECK_NEEDED app,lib"),
                // usage decides whether anything reaches others
                stack("INTERNAL GPL-2.0 app with Apache-2.0",
                        List.of(component("app", "GPL-2.0-only", INTERNAL, "lib"), component("lib", "Apache-2.0", INTERNAL))),
                stack("GPL-2.0 app with Apache-2.0 as a network service: nothing is distributed",
                        List.of(component("app", "GPL-2.0-only", NETWORK_SERVICE, "lib"), component("lib", "Apache-2.0", INTERNAL))),
                stack("INTERNAL GPL-2.0 library shipped inside a distributed product",
                        List.of(component("product", "GPL-2.0-only", DISTRIBUTED, "app"),
                                component("app", "GPL-2.0-only", INTERNAL, "lib"), component("lib", "Apache-2.0", INTERNAL)),
                        "CONFLICT app,lib"),
                // network copyleft
                stack("AGPL-3.0 component as a network service",
                        List.of(component("app", "AGPL-3.0-or-later", NETWORK_SERVICE)),
                        "NETWORK_COPYLEFT_OBLIGATION app"),
                stack("AGPL-3.0 dependency of a network service (OSADL: an MIT work cannot include AGPL code)",
                        List.of(component("app", "MIT", NETWORK_SERVICE, "lib"), component("lib", "AGPL-3.0-only", INTERNAL)),
                        "CONFLICT app,lib", "NETWORK_COPYLEFT_OBLIGATION lib"),
                stack("AGPL-3.0 two levels below a network service",
                        List.of(component("app", "AGPL-3.0-or-later", NETWORK_SERVICE, "mid"),
                                component("mid", "MIT", INTERNAL, "lib"), component("lib", "AGPL-3.0-only", INTERNAL)),
                        "CONFLICT mid,lib", "NETWORK_COPYLEFT_OBLIGATION app", "NETWORK_COPYLEFT_OBLIGATION lib"),
                stack("the same AGPL-3.0 app used internally",
                        List.of(component("app", "AGPL-3.0-or-later", INTERNAL, "lib"), component("lib", "AGPL-3.0-only", INTERNAL))),
                stack("the same AGPL-3.0 app distributed (no network service)",
                        List.of(component("app", "AGPL-3.0-or-later", DISTRIBUTED))),
                stack("MIT OR AGPL-3.0 as a network service: MIT may be chosen",
                        List.of(component("app", "MIT OR AGPL-3.0-only", NETWORK_SERVICE))),
                // proprietary
                stack("proprietary product distributed with a GPL dependency",
                        List.of(component("app", "LicenseRef-Proprietary", DISTRIBUTED, "lib"), component("lib", "GPL-2.0-only", INTERNAL)),
                        "CONFLICT app,lib"),
                stack("proprietary product distributed with LGPL and Apache-2.0 dependencies",
                        List.of(component("app", "LicenseRef-Proprietary", DISTRIBUTED, "lgpl", "apache"),
                                component("lgpl", "LGPL-2.1-or-later", INTERNAL), component("apache", "Apache-2.0", INTERNAL))),
                stack("proprietary product with a GPL + Classpath exception runtime",
                        List.of(component("app", "LicenseRef-Proprietary", DISTRIBUTED, "jdk"),
                                component("jdk", "GPL-2.0-only WITH Classpath-exception-2.0", INTERNAL))),
                stack("proprietary network service with a GPL dependency: nothing is distributed",
                        List.of(component("app", "LicenseRef-Proprietary", NETWORK_SERVICE, "lib"), component("lib", "GPL-3.0-only", INTERNAL))),
                stack("proprietary network service with an AGPL dependency",
                        List.of(component("app", "LicenseRef-Proprietary", NETWORK_SERVICE, "lib"), component("lib", "AGPL-3.0-only", INTERNAL)),
                        "CONFLICT app,lib", "NETWORK_COPYLEFT_OBLIGATION lib"),
                stack("GPL-3.0 product including a proprietary part",
                        List.of(component("app", "GPL-3.0-only", DISTRIBUTED, "lib"), component("lib", "LicenseRef-Proprietary", INTERNAL)),
                        "CONFLICT app,lib"),
                stack("MPL-2.0 product including a proprietary part",
                        List.of(component("app", "MPL-2.0", DISTRIBUTED, "lib"), component("lib", "LicenseRef-Proprietary", INTERNAL)),
                        "CHECK_NEEDED app,lib"),
                // unknown licences take no part in combinations
                stack("no licence",
                        List.of(component("app", "GPL-2.0-only", DISTRIBUTED, "lib"), component("lib", null, INTERNAL)),
                        "UNKNOWN_LICENCE lib"),
                stack("unknown, invalid and blank licences",
                        List.of(component("a", "LicenseRef-Custom", DISTRIBUTED), component("b", "Not-A-Licence", INTERNAL),
                                component("c", "  ", INTERNAL), component("d", "MIT AND LicenseRef-Other", INTERNAL),
                                component("e", "NOASSERTION", INTERNAL)),
                        "UNKNOWN_LICENCE a", "UNKNOWN_LICENCE b", "UNKNOWN_LICENCE c", "UNKNOWN_LICENCE d", "UNKNOWN_LICENCE e"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void checksStacks(String name, List<StackComponent> stack, List<String> expected) {
        assertEquals(expected, summary(CHECK.check(stack)));
    }

    @Test
    void conflictCarriesTheOsadlExplanation() {
        List<LicenceIssue> issues = CHECK.check(List.of(
                new StackComponent("app", "Shop", "GPL-2.0-only", DISTRIBUTED, List.of("lib")),
                new StackComponent("lib", "Commons", "Apache-2.0", INTERNAL, List.of())));
        assertEquals(1, issues.size());
        LicenceIssue conflict = issues.get(0);
        assertEquals(List.of("GPL-2.0-only", "Apache-2.0"), conflict.licences());
        assertTrue(conflict.reason().startsWith("Shop (GPL-2.0-only) includes Commons (Apache-2.0) and is distributed: "),
                conflict.reason());
        assertTrue(conflict.reason().contains("Incompatibility of the Apache-2.0 license with the GPL-2.0-only license"),
                conflict.reason());
    }

    @Test
    void reasonsExplainObligationsChecksAndUnknowns() {
        List<LicenceIssue> issues = CHECK.check(List.of(
                component("svc", "AGPL-3.0-only", NETWORK_SERVICE, "lib", "odd"),
                component("lib", "AGPL-3.0-or-later", INTERNAL),
                component("odd", "BUSL-1.1", INTERNAL),
                component("x", null, INTERNAL)));
        assertEquals(List.of("NETWORK_COPYLEFT_OBLIGATION lib", "NETWORK_COPYLEFT_OBLIGATION svc", "CHECK_NEEDED svc,odd",
                "UNKNOWN_LICENCE x"), summary(issues));
        assertTrue(issues.get(0).reason().contains("as part of the svc"), issues.get(0).reason());
        assertTrue(issues.get(0).reason().contains("corresponding source code (AGPL-3.0 section 13)"), issues.get(0).reason());
        assertTrue(issues.get(2).reason().contains("not covered by the OSADL matrix"), issues.get(2).reason());
        assertEquals(List.of(), issues.get(3).licences());
        assertTrue(issues.get(3).reason().contains("no licence is given"), issues.get(3).reason());
    }

    @Test
    void ordersByKindThenItemsAndDropsDuplicates() {
        List<LicenceIssue> issues = CHECK.check(List.of(
                component("z", null, INTERNAL),
                component("b", "GPL-2.0-only", DISTRIBUTED, "lib", "lib", "sspl"),
                component("a", "GPL-2.0-only", DISTRIBUTED, "lib"),
                component("lib", "Apache-2.0", INTERNAL),
                component("sspl", "SSPL-1.0", INTERNAL),
                component("net", "AGPL-3.0-only", NETWORK_SERVICE),
                component("b", "MIT", INTERNAL)));
        assertEquals(List.of("CONFLICT a,lib", "CONFLICT b,lib", "NETWORK_COPYLEFT_OBLIGATION net", "CHECK_NEEDED b,sspl",
                "UNKNOWN_LICENCE z"), summary(issues));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void survivesCycles() {
        List<LicenceIssue> issues = CHECK.check(List.of(
                component("a", "GPL-2.0-only", DISTRIBUTED, "b"),
                component("b", "Apache-2.0", INTERNAL, "a", "b"),
                component("c", "AGPL-3.0-only", NETWORK_SERVICE, "d"),
                component("d", "AGPL-3.0-only", INTERNAL, "c")));
        assertEquals(List.of("CONFLICT a,b", "CONFLICT b,a", "NETWORK_COPYLEFT_OBLIGATION c", "NETWORK_COPYLEFT_OBLIGATION d"),
                summary(issues));
    }
}
