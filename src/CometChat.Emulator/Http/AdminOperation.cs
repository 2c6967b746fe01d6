namespace CometChat.Emulator.Http;

/// <summary>
/// Marks an endpoint of the admin surface (not /v3: no rate limits, latency or faults), so that the pipeline lets it
/// through as it is.
/// </summary>
public sealed record AdminOperation(bool RequiresKey);
