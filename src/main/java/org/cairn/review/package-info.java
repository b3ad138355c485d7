/**
 * Review of submitted tiers: assignment to an assessor (round-robin, or an admin's pick), rubric scoring with
 * feedback, the pass-or-return decision with its full attempt history, and the outcomes of a pass (stipend,
 * award hand-over to issuing).
 */
package org.cairn.review;
