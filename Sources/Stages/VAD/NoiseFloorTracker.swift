/// Follows the noise floor of each frequency band by minimum statistics: the floor is the lowest
/// smoothed band energy seen in the last ~1.4 s.
///
/// Speech is never continuous for that long in every band — syllables and pauses leave gaps — so
/// the minimum sits on the noise between them, whether or not anyone is talking. A quieter floor
/// is followed at once; a louder one (a noisier room, a fan switched on) once the window has
/// rolled past the quiet past, which is also how long a new call takes to be learnt. The window
/// is kept as a ring of sub-window minima, so each update costs a few comparisons per band.
struct NoiseFloorTracker {
    /// Frames per sub-window and sub-windows per window: 8 × 9 frames of 20 ms = 1.44 s.
    static let subwindowFrames = 9
    static let subwindows = 8
    /// The minimum of a fluctuating energy lies below its mean; this factor moves it back up
    /// (≈ 1.8 dB, measured on white noise in bands of ≥ 3 bins).
    static let bias: Float = 1.5
    /// Smoothing of band energy before the minimum is taken: the minimum of raw frame energies
    /// would sit on chance dips.
    static let smoothing: Float = 0.64  // 0.8 per 10 ms

    private let bandCount: Int
    private var smoothed: [Float]
    private var current: [Float]
    private var ring: [Float]
    /// The minimum of the ring per band, renewed when a sub-window rolls in.
    private var ringMinimum: [Float]
    private var ringIndex = 0
    private var framesInSubwindow = 0
    private var started = false
    /// The estimate per band, updated by `update`.
    private(set) var floor: [Float]

    init(bands: Int) {
        bandCount = bands
        smoothed = Array(repeating: 0, count: bands)
        current = Array(repeating: .greatestFiniteMagnitude, count: bands)
        ring = Array(repeating: .greatestFiniteMagnitude, count: bands * Self.subwindows)
        ringMinimum = Array(repeating: .greatestFiniteMagnitude, count: bands)
        floor = Array(repeating: 0, count: bands)
    }

    /// Takes one frame's band energies and updates `floor`.
    mutating func update(_ energy: UnsafeBufferPointer<Float>, minimum: UnsafeBufferPointer<Float>) {
        let a = Self.smoothing
        for b in 0..<bandCount {
            smoothed[b] = started ? a * smoothed[b] + (1 - a) * energy[b] : energy[b]
            current[b] = min(current[b], smoothed[b])
            floor[b] = max(min(current[b], ringMinimum[b]) * Self.bias, minimum[b])
        }
        started = true
        framesInSubwindow += 1
        if framesInSubwindow == Self.subwindowFrames {
            for b in 0..<bandCount {
                ring[ringIndex * bandCount + b] = current[b]
                current[b] = .greatestFiniteMagnitude
            }
            ringIndex = (ringIndex + 1) % Self.subwindows
            framesInSubwindow = 0
            for b in 0..<bandCount {
                var lowest = Float.greatestFiniteMagnitude
                for s in 0..<Self.subwindows { lowest = min(lowest, ring[s * bandCount + b]) }
                ringMinimum[b] = lowest
            }
        }
    }
}
