/**
 * The installation as a whole: the first platform administrator (from configuration or a one-time set-up link)
 * and the platform administrator's districts endpoints. Nothing here is visible to district people.
 */
package org.cairn.platform;
