package org.cairn.template;

/** File kinds evidence may be; checked by content (magic bytes), never by file name. */
public enum ArtifactKind {

	IMAGE, PDF, VIDEO, AUDIO, DOCUMENT, SPREADSHEET, PRESENTATION, TEXT

}
