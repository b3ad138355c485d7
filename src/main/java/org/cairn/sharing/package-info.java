/** Sharing a teacher's badges: the public portfolio page a teacher switches on and off. */
package org.cairn.sharing;
