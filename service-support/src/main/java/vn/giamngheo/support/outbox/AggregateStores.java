package vn.giamngheo.support.outbox;

import java.util.function.Supplier;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.giamngheo.contracts.Actor;

/** Creates aggregate stores that wake the relay after each write, so events leave within milliseconds. */
public class AggregateStores {

    private final MongoTemplate mongo;
    private final AggregateStore.WriteListener nudgeRelay;
    private final Supplier<Actor> currentActor;

    public AggregateStores(MongoTemplate mongo, Runnable nudgeRelay) {
        this(mongo, (collection, id) -> nudgeRelay.run(), AggregateStore.UNKNOWN_ACTOR);
    }

    /**
     * The relay is told which document was written, so it publishes it without searching the collection; every change
     * is recorded with the actor {@code currentActor} names at the time of the write.
     */
    public AggregateStores(MongoTemplate mongo, AggregateStore.WriteListener nudgeRelay, Supplier<Actor> currentActor) {
        this.mongo = mongo;
        this.nudgeRelay = nudgeRelay;
        this.currentActor = currentActor;
    }

    public <S> AggregateStore<S> forCollection(String collection, Class<S> stateType, String aggregateName) {
        return new AggregateStore<>(mongo, collection, stateType, aggregateName, nudgeRelay, currentActor);
    }
}
