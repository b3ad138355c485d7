/** Outgoing mail: SMTP when configured, otherwise files in the outbox folder so a demo can follow its links. */
package org.cairn.mail;
