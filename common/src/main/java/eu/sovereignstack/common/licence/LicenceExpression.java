package eu.sovereignstack.common.licence;

import java.util.List;

/**
 * A parsed and classified SPDX licence expression.
 *
 * @param expression the expression as given (trimmed)
 * @param licenceIds the distinct licence ids it names, exceptions excluded, sorted
 * @param family     what the expression as a whole asks of its users
 * @param openSource whether the software may be used under an OSI-approved or FSF-libre licence
 */
public record LicenceExpression(String expression, List<String> licenceIds, LicenceFamily family, boolean openSource) {
}
