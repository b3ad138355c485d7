/**
 * A district's people as its administrators manage them: invitations by email (expiring, single-use links), roles,
 * deactivation, and password reset.
 */
package org.cairn.people;
