package io.skyx.engine;

class FastEngineTest extends EngineSuite {
    @Override
    Engines.Implementation impl() {
        return Engines.Implementation.FAST;
    }
}
