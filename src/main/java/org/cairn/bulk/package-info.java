/** Bulk awards: a district admin's CSV of recipients for one badge, worked in leased chunks by any instance. */
package org.cairn.bulk;
