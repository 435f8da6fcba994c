package org.vetpacs.server.infrastructure;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A database of the embedded server whose non-unique indexes are real ({@link SecondaryIndex}, in
 * the same MVStore) instead of mongo-java-server's placeholder that ignores them, and whose
 * collections plan queries over them ({@link IndexedH2Collection}). The map names follow the H2
 * backend's ({@code databases.<db>.<collection>} for documents), so existing files open as before;
 * indexes asked for before this existed are filled from the documents when first opened.
 */
final class IndexedH2Database extends H2Database {

  /**
   * The store, for the overridden factory methods that H2Database's constructor already calls
   * (before this class's own fields are assigned).
   */
  private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

  private final MVStore mvStore;

  private IndexedH2Database(String name, MVStore store, CursorRegistry cursorRegistry) {
    super(name, store, cursorRegistry);
    this.mvStore = store;
  }

  /** Opens (or creates) the database {@code name} in {@code store}. */
  static IndexedH2Database open(String name, MVStore store, CursorRegistry cursorRegistry) {
    OPENING.set(store);
    try {
      return new IndexedH2Database(name, store, cursorRegistry);
    } finally {
      OPENING.remove();
    }
  }

  private MVStore store() {
    return mvStore != null ? mvStore : OPENING.get();
  }

  @Override
  protected MongoCollection<Object> openOrCreateCollection(
      String collectionName, CollectionOptions options) {
    String fullName = getFullCollectionNamespace(collectionName);
    MVMap<Object, Document> dataMap = store().openMap("databases." + fullName);
    MVMap<String, Object> metaMap = store().openMap("meta." + fullName);
    return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
  }

  @Override
  protected Index<Object> openOrCreateSecondaryIndex(
      String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
    String mapName = getFullCollectionNamespace(collectionName) + "._secondary_" + indexName;
    return new SecondaryIndex(store(), mapName, indexName, keys, sparse);
  }
}
