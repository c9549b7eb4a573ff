import ArgumentParser
import Audio

extension ResamplerQuality: ExpressibleByArgument {}
