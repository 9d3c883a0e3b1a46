package eu.sovereignstack.assessment.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the total. */
@Schema(name = "Page")
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
}
