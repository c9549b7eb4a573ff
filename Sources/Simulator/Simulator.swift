/// `switchboard simulate`: a virtual caller that connects to `switchboard serve` exactly as
/// Twilio does (issue 17). Its parts live beside this file: the scenario format, the caller's
/// line, the reports.
public enum Simulator {}
