/**
 * Turns awards into Open Badges 2.0 assertions (hosted or signed), revokes them, serves the public Open Badges
 * documents from memory, awards in bulk and notifies districts' systems through signed webhooks.
 */
package org.cairn.issuing;
