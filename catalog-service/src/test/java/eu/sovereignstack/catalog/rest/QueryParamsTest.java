package eu.sovereignstack.catalog.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.common.api.QueryParameters;
import eu.sovereignstack.common.problem.ProblemException;

class QueryParamsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"3\" | 3", "W/\"12\" | 12", " \"0\"  | 0", "7 | 7"})
    void readsTheVersionOfAnEtag(String header, int version) {
        assertEquals(version, QueryParams.ifMatchVersion(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "", "  "})
    void anyVersionMatchesWildcardOrAbsentHeader(String header) {
        assertNull(QueryParams.ifMatchVersion(header));
        assertNull(QueryParams.ifMatchVersion(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "W/", "\"3", "3.5"})
    void rejectsForeignEtags(String header) {
        ProblemException e = assertThrows(ProblemException.class, () -> QueryParams.ifMatchVersion(header));
        assertEquals("If-Match", e.errors().get(0).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELF_HOSTED", "SAAS", "MANAGED"})
    void enumsAreTheDocumentedConstants(String value) {
        assertEquals(DeploymentModel.valueOf(value), QueryParameters.enumValue("deploymentModel", value, DeploymentModel.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloud", "1", "saas", "self-hosted", " SAAS"})
    void unknownEnumValuesNameTheAllowedOnes(String value) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> QueryParameters.enumValue("deploymentModel", value, DeploymentModel.class));
        assertEquals("must be one of SELF_HOSTED, SAAS, MANAGED", e.errors().get(0).message());
    }
}
