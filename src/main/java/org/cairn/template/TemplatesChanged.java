package org.cairn.template;

/**
 * Published after a template of the district was created, edited, published, retired or deleted: figures kept about
 * the district's microcredentials (the reports) are out of date.
 */
public record TemplatesChanged(String districtId) {
}
