/**
 * Needs and plans: a district's needs-assessment surveys (questions on a scale, or choosing Learning Forward
 * standards or Danielson clusters and components to grow in) and their results by school, each teacher's multi-year
 * learning plan approved by their supervisor, and the microcredentials recommended from both.
 */
package org.cairn.plan;
