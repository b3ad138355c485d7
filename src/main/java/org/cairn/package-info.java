/** Root of Cairn; one sub-package per feature, each owning its model, storage and endpoints. */
package org.cairn;
