package io.skyx.engine;

class ReferenceEngineTest extends EngineSuite {
    @Override
    Engines.Implementation impl() {
        return Engines.Implementation.REFERENCE;
    }
}
