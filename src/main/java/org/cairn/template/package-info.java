/**
 * Microcredential templates: tiers, requirements, rubrics, standards alignment, versions and the catalogue.
 * The records here are the shared language of earning, review and issuing; only this feature writes them.
 */
package org.cairn.template;
