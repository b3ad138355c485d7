/** Wiring only: embedded store, clock, request ids, single-page-app routing. No domain logic lives here. */
package org.cairn.system;
