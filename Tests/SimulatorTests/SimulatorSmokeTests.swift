import Simulator
import Testing

@Suite struct SimulatorSmokeTests {
    @Test func theModuleLinks() { _ = Simulator.self }
}
