/**
 * Evidence of practice: reflections with server-side word counts, files and video streamed to GridFS (kind by
 * content, size limit and SHA-256 while streaming), links; drafts, submission of a tier, privacy (who may read,
 * what is public) and the audit log of every read by someone other than the owner.
 */
package org.cairn.evidence;
