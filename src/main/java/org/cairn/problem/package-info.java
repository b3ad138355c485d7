/** RFC 9457 problem details: the one error shape every endpoint answers with, with a stable type per problem. */
package org.cairn.problem;
