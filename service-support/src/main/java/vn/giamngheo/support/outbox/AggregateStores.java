package vn.giamngheo.support.outbox;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Creates aggregate stores that wake the relay after each write, so events leave within milliseconds. */
public class AggregateStores {

    private final MongoTemplate mongo;
    private final AggregateStore.WriteListener nudgeRelay;

    public AggregateStores(MongoTemplate mongo, Runnable nudgeRelay) {
        this(mongo, (collection, id) -> nudgeRelay.run());
    }

    /** The relay is told which document was written, so it publishes it without searching the collection. */
    public AggregateStores(MongoTemplate mongo, AggregateStore.WriteListener nudgeRelay) {
        this.mongo = mongo;
        this.nudgeRelay = nudgeRelay;
    }

    public <S> AggregateStore<S> forCollection(String collection, Class<S> stateType, String aggregateName) {
        return new AggregateStore<>(mongo, collection, stateType, aggregateName, nudgeRelay);
    }
}
