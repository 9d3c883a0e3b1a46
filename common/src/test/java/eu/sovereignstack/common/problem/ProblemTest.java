package eu.sovereignstack.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A problem keeps to the maximums its schema publishes, however much of the request it echoes. */
class ProblemTest {

    @Test
    void shortTextsAndFewErrorsStayAsTheyAre() {
        List<Problem.FieldError> errors = List.of(new Problem.FieldError("name", "must not be blank"));
        Problem problem = new Problem(ProblemType.VALIDATION.uri(), "Invalid request", 400, "name: must not be blank",
                "/api/v1/products", errors);
        assertEquals("name: must not be blank", problem.detail());
        assertEquals("/api/v1/products", problem.instance());
        assertSame(errors, problem.errors());
        assertNull(new Problem(null, null, 500, null, null, null).errors());
    }

    @Test
    void longTextsAreCut() {
        Problem problem = new Problem(null, null, 400, "d".repeat(5000), "/" + "p".repeat(5000), null);
        assertEquals(Problem.DETAIL, problem.detail().length());
        assertEquals(Problem.INSTANCE, problem.instance().length());
        assertEquals("...", problem.detail().substring(Problem.DETAIL - 3));

        Problem.FieldError error = new Problem.FieldError("f".repeat(5000), "m".repeat(5000));
        assertEquals(Problem.FIELD, error.field().length());
        assertEquals(Problem.MESSAGE, error.message().length());
    }

    @Test
    void errorsAreCutToTheMaximum() {
        List<Problem.FieldError> errors = Collections.nCopies(Problem.ERRORS + 5, new Problem.FieldError("name", "invalid"));
        assertEquals(Problem.ERRORS, new Problem(null, null, 400, errors.size() + " fields are invalid.", null, errors).errors().size());
    }
}
