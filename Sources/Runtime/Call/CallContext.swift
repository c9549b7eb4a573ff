/// What every task of one call knows about the call it works for, without being told:
/// stages are built once per process, and learn which call they serve from here.
public enum CallContext {
    /// The call id: logged with each line a subprocess writes on stderr.
    @TaskLocal public static var id: String?
}
