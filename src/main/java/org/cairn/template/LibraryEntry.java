package org.cairn.template;

/**
 * One file of the starter library ({@code badge-templates/library/<key>.json}).
 *
 * @param key stable, the file's name; what a district adopts and what its copy remembers as {@code libraryKey}
 * @param origin the program it models, e.g. "Parkway School District (Missouri)"
 * @param artworkFile an SVG in {@code badge-templates/artwork/}; becomes the template's artwork
 * @param template the content, without artwork (it comes from {@code artworkFile})
 */
record LibraryEntry(String key, String origin, String artworkFile, TemplateContent template) {
}
