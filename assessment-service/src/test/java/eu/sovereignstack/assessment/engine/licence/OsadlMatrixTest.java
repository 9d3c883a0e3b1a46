package eu.sovereignstack.assessment.engine.licence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OsadlMatrixTest {

    private static final OsadlMatrix MATRIX = new OsadlMatrix();

    @Test
    void loadsTheShippedMatrix() {
        assertEquals(115, MATRIX.licences().size());
        assertEquals("0BSD", MATRIX.licences().get(0));
        assertTrue(MATRIX.licences().contains("GPL-2.0-only WITH Classpath-exception-2.0"));
        assertEquals("2024-11-04T13:45:00+0000", MATRIX.timestamp());
    }

    @ParameterizedTest(name = "{0} including {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // row = leading (outbound work), column = subordinate (included component)
            "GPL-2.0-only      | Apache-2.0    | NO               | Incompatibility of the Apache-2.0 license with the GPL-2.0-only license",
            "Apache-2.0        | MIT           | YES              | Non-copyleft licenses such as the MIT license and the Apache-2.0 license",
            "GPL-3.0-only      | Apache-2.0    | YES              | Compatibility of the Apache-2.0 license with the GPL-3.0-only license",
            // the same pair the other way round: a permissive work cannot take in GPL code
            "Apache-2.0        | GPL-3.0-only  | NO               | cannot be redistributed under a non-copyleft license such as the Apache-2.0",
            "AGPL-3.0-only     | GPL-3.0-only  | CHECK_DEPENDENCY | must not be inserted into the code, but can be linked",
            "AGPL-3.0-only     | AFL-2.0       | UNKNOWN          | There is insufficient information",
            "MIT               | MIT           | SAME             | n.a.",
            "apache-2.0        | mit           | YES              | Non-copyleft licenses"})
    void answersKnownPairsWithExplanations(String leading, String subordinate, Compatibility expected, String explanation) {
        Verdict verdict = MATRIX.compatibility(leading, subordinate).orElseThrow();
        assertEquals(expected, verdict.compatibility());
        assertTrue(verdict.explanation().contains(explanation), verdict.explanation());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "GPL-2.0-only                                  | GPL-2.0-only",
            "gpl-2.0-ONLY                                  | GPL-2.0-only",
            "GPL-2.0                                       | GPL-2.0-only",
            "AGPL-3.0                                      | AGPL-3.0-only",
            "LGPL-2.1                                      | LGPL-2.1-only",
            "GPL-2.0+                                      | GPL-2.0-or-later",
            "GPL-2.0-only+                                 | GPL-2.0-or-later",
            "LGPL-3.0-or-later                             | LGPL-3.0-or-later",
            "Apache-2.0+                                   | Apache-2.0",
            "GPL-2.0-only WITH Classpath-exception-2.0     | GPL-2.0-only WITH Classpath-exception-2.0",
            "GPL-2.0-only  with  classpath-exception-2.0   | GPL-2.0-only WITH Classpath-exception-2.0",
            "GPL-2.0-with-classpath-exception              | GPL-2.0-only WITH Classpath-exception-2.0",
            // no matrix entry for these exceptions: the licence itself
            "GPL-2.0-or-later WITH Classpath-exception-2.0 | GPL-2.0-or-later",
            "GPL-3.0-only WITH GCC-exception-3.1           | GPL-3.0-only",
            "GPL-2.0-with-autoconf-exception               | GPL-2.0-only"})
    void mapsSpellingsOntoMatrixNames(String licence, String expected) {
        assertEquals(Optional.of(expected), MATRIX.matrixName(licence));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"SSPL-1.0", "BUSL-1.1", "LicenseRef-Proprietary", "MIT OR Apache-2.0", "GPL-2.0-only-ish"})
    void doesNotCoverOtherLicences(String licence) {
        assertEquals(Optional.empty(), MATRIX.matrixName(licence));
        assertEquals(Optional.empty(), MATRIX.compatibility(licence, "MIT"));
        assertEquals(Optional.empty(), MATRIX.compatibility("MIT", licence));
    }

    @Test
    void looksUpMappedSpellings() {
        assertEquals(Compatibility.NO, MATRIX.compatibility("GPL-2.0+", "Apache-2.0").orElseThrow().compatibility());
        Verdict classpath = MATRIX.compatibility("GPL-2.0-with-classpath-exception", "Apache-2.0").orElseThrow();
        assertTrue(classpath.explanation().contains("GPL-2.0-only WITH Classpath-exception-2.0"), classpath.explanation());
    }

    @Test
    void explanationsReadAsPlainText() {
        String explanation = MATRIX.compatibility("0BSD", "MS-PL").orElseThrow().explanation();
        assertTrue(explanation.contains("\"any portion of the software\""), explanation);
        assertFalse(explanation.contains("&quot;"), explanation);
    }

    @Test
    void everyInstanceSharesOneLoad() {
        assertTrue(MATRIX.licences() == new OsadlMatrix().licences());
    }
}
