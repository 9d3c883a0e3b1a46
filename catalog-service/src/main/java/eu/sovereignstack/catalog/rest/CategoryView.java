package eu.sovereignstack.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Category")
public record CategoryView(String code, String name, String description, long productCount) {
}
