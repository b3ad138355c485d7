/** Districts: each is a tenant and an Open Badges issuer, with its branding, fiscal year and budget. */
package org.cairn.district;
