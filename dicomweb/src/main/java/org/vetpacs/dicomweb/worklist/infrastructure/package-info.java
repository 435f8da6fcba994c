/**
 * The worklist's storage: {@code MongoWorklistRepository}, the {@code worklist} collection in
 * MongoDB through Eclipse JNoSQL, with query conditions pushed down as MongoDB filters.
 */
package org.vetpacs.dicomweb.worklist.infrastructure;
