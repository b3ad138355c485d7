package org.cairn.evidence;

/** What a piece of evidence is: written text, a stored file (image, document, video, data), or a link. */
public enum EvidenceType {

	TEXT, FILE, LINK

}
