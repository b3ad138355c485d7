/** In-app notices and email when a proposal is decided, a submission arrives, or a tier passes or returns. */
package org.cairn.notification;
