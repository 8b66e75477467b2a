extension Duration {
    /// The duration as a scenario file writes it (`1d2h`, `10m`, `1m30s`, `250ms`), for reports
    /// outside this module; `DurationText.format` does the work.
    public var scenarioText: String { DurationText.format(self) }
}
