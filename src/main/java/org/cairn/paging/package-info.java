/**
 * Paging, the API's one convention for lists that grow with a district: {@code ?page=&size=} checked once
 * ({@link org.cairn.paging.ListPage}), so no answer and no read of the store grows with the district.
 */
package org.cairn.paging;
