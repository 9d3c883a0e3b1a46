package eu.sovereignstack.common.licence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpdxLicencesTest {

    private static final SpdxLicences LICENCES = new SpdxLicences();

    @ParameterizedTest(name = "{0} -> {1}, open={2}")
    @CsvSource(delimiter = '|', value = {
            "MIT                                            | PERMISSIVE       | true  | MIT",
            "Apache-2.0                                     | PERMISSIVE       | true  | Apache-2.0",
            "MPL-2.0                                        | WEAK_COPYLEFT    | true  | MPL-2.0",
            "LGPL-2.1-or-later                              | WEAK_COPYLEFT    | true  | LGPL-2.1-or-later",
            "GPL-2.0-only                                   | STRONG_COPYLEFT  | true  | GPL-2.0-only",
            "AGPL-3.0-or-later                              | NETWORK_COPYLEFT | true  | AGPL-3.0-or-later",
            "LicenseRef-Proprietary                         | PROPRIETARY      | false | LicenseRef-Proprietary",
            "SSPL-1.0                                       | PROPRIETARY      | false | SSPL-1.0",
            // OR: the licensee may choose, so the least restrictive counts
            "MIT OR GPL-3.0-only                            | PERMISSIVE       | true  | GPL-3.0-only MIT",
            "AGPL-3.0-only OR LicenseRef-Proprietary        | NETWORK_COPYLEFT | true  | AGPL-3.0-only LicenseRef-Proprietary",
            // AND: both apply, so the most restrictive counts
            "MIT AND GPL-2.0-or-later                       | STRONG_COPYLEFT  | true  | GPL-2.0-or-later MIT",
            "GPL-3.0-or-later AND AGPL-3.0-or-later         | NETWORK_COPYLEFT | true  | AGPL-3.0-or-later GPL-3.0-or-later",
            "Apache-2.0 AND LicenseRef-Proprietary          | PROPRIETARY      | false | Apache-2.0 LicenseRef-Proprietary",
            // a linking exception weakens strong copyleft; other exceptions change nothing
            "GPL-2.0-only WITH Classpath-exception-2.0      | WEAK_COPYLEFT    | true  | GPL-2.0-only",
            "EPL-2.0 AND GPL-2.0-with-classpath-exception   | WEAK_COPYLEFT    | true  | EPL-2.0 GPL-2.0-with-classpath-exception",
            "GPL-2.0+                                       | STRONG_COPYLEFT  | true  | GPL-2.0",
            "GPL-2.0-only WITH Autoconf-exception-2.0       | STRONG_COPYLEFT  | true  | GPL-2.0-only",
            "(MIT AND BSD-3-Clause) OR GPL-2.0-only         | PERMISSIVE       | true  | BSD-3-Clause GPL-2.0-only MIT",
            "mit                                            | PERMISSIVE       | true  | MIT"})
    void classifiesExpressions(String expression, LicenceFamily family, boolean open, String ids) throws Exception {
        LicenceExpression analysed = LICENCES.analyse(expression);
        assertEquals(family, analysed.family());
        assertEquals(open, analysed.openSource());
        assertEquals(Arrays.asList(ids.split(" ")), analysed.licenceIds());
        assertEquals(expression.trim(), analysed.expression());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Not-A-Licence-1.0", "MIT AND", "MIT OR OR Apache-2.0", "(MIT", "NOASSERTION",
            "MIT WITH", "Apache-2.0 WITH Made-Up-exception"})
    void rejectsInvalidExpressions(String expression) {
        assertThrows(InvalidLicenceException.class, () -> LICENCES.analyse(expression));
    }

    @Test
    void rejectsOverlongExpressions() {
        String expression = String.join(" OR ", java.util.Collections.nCopies(100, "MIT"));
        InvalidLicenceException e = assertThrows(InvalidLicenceException.class, () -> LICENCES.analyse(expression));
        assertTrue(e.getMessage().contains("500"));
    }

    @Test
    void describesListedLicences() {
        ListedLicence agpl = LICENCES.listed("agpl-3.0-only").orElseThrow();
        assertEquals("AGPL-3.0-only", agpl.id());
        assertTrue(agpl.osiApproved());
        assertEquals(LicenceFamily.NETWORK_COPYLEFT, agpl.family());
        assertTrue(agpl.name().contains("Affero"));
        assertFalse(LICENCES.listed("LicenseRef-Proprietary").isPresent());
    }

    @Test
    void everyListedLicenceHasAFamily() {
        List<String> ids = org.spdx.library.ListedLicenses.getListedLicenses().getSpdxListedLicenseIds();
        assertTrue(ids.size() > 700);
        List<String> withoutRow = ids.stream().filter(id -> !LICENCES.classifiedIds().contains(id)).toList();
        assertEquals(List.of(), withoutRow);
    }

    @Test
    void familiesAreOrderedByRestrictiveness() {
        assertEquals(LicenceFamily.PERMISSIVE, LicenceFamily.leastRestrictive(LicenceFamily.STRONG_COPYLEFT, LicenceFamily.PERMISSIVE));
        assertEquals(LicenceFamily.PROPRIETARY, LicenceFamily.mostRestrictive(LicenceFamily.NETWORK_COPYLEFT, LicenceFamily.PROPRIETARY));
        assertTrue(LicenceFamily.NETWORK_COPYLEFT.moreRestrictiveThan(LicenceFamily.STRONG_COPYLEFT));
    }
}
