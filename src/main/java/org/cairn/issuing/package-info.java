/**
 * Turns awards into Open Badges 2.0 assertions (hosted or signed), revokes and reinstates them, and serves the public
 * Open Badges documents (issuer, badge class, assertion, revocation list, published evidence) from memory.
 */
package org.cairn.issuing;
